package org.sandiq.ingest;

import java.time.Instant;
import java.util.List;

/**
 * A document ready for analysis: plain text with paragraph breaks, and its metadata.
 *
 * @param id stable id: a hash of {@link #source} (see {@link DocumentIds})
 * @param url the document's URL: for an archived capture the URL the archive captured (WARC target
 *     URI, ARC URL), for a loose HTML file its canonical link when it has one, else its
 *     corpus-relative path
 * @param title a human-readable title, never empty, at most {@link #MAX_TITLE_CHARS} characters
 * @param text the main text, blocks separated by a blank line
 * @param date the publication date when the page states one, else the capture date, else null
 * @param site the host name without {@code www.} for web documents; for loose files, the top folder
 *     of the corpus they live in (a collection name)
 * @param source the corpus-relative path, with {@code #offset} for a WARC record
 * @param langHint the language the document declares ({@code <html lang>}), lower-case primary
 *     subtag, or null
 * @param captureDate when the archive captured it (WARC-Date), kept apart from the publication
 *     date, or null
 * @param description the page's own summary ({@code meta description}), or null
 * @param canonicalUrl the canonical link the page declares ({@code <link rel=canonical>}), kept
 *     apart from the captured URL, or null
 * @param captureNames for an archived capture, the names a revisit in another file may point at it
 *     by, indexed so a later crawl's revisits find it; empty otherwise
 * @param otherText for a page, its visible text outside the main text (menus, link lists,
 *     sidebars), searched at a low weight so every word a reader saw finds the page, never shown;
 *     empty otherwise
 */
public record CleanDocument(
    String id,
    String url,
    String title,
    String text,
    Instant date,
    String site,
    String source,
    String langHint,
    Instant captureDate,
    String description,
    String canonicalUrl,
    List<String> captureNames,
    String otherText) {

  /**
   * The longest title kept, in characters: a page can declare a title of any length (a hostile one,
   * megabytes), and every hit shows its title whole. Real titles are far shorter.
   */
  public static final int MAX_TITLE_CHARS = 300;

  /** The longest description kept, in characters, for the same reason. */
  public static final int MAX_DESCRIPTION_CHARS = 1_000;

  /** Cuts an overlong title or description at a word with an ellipsis. */
  public CleanDocument {
    captureNames = captureNames == null ? List.of() : List.copyOf(captureNames);
    otherText = otherText == null ? "" : otherText;
    if (title != null) {
      title = PlainText.shortened(title, MAX_TITLE_CHARS);
    }
    if (description != null) {
      description = PlainText.shortened(description, MAX_DESCRIPTION_CHARS);
    }
  }

  /** A document without a canonical link, which no revisit points at. */
  public CleanDocument(
      String id,
      String url,
      String title,
      String text,
      Instant date,
      String site,
      String source,
      String langHint,
      Instant captureDate,
      String description) {
    this(
        id,
        url,
        title,
        text,
        date,
        site,
        source,
        langHint,
        captureDate,
        description,
        null,
        List.of(),
        "");
  }

  /** A document without capture date or description (loose text files, tests). */
  public CleanDocument(
      String id,
      String url,
      String title,
      String text,
      Instant date,
      String site,
      String source,
      String langHint) {
    this(id, url, title, text, date, site, source, langHint, null, null, null, List.of(), "");
  }
}
