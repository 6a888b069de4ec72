package org.sandiq.ingest;

import java.time.Instant;

/**
 * Turns a {@link RawDocument} into a {@link CleanDocument}: decodes its bytes, removes markup and
 * boilerplate, and fills in title, URL, date and site. Thread-safe and stateless.
 */
public final class DocumentCleaner {
  /**
   * HTML longer than this many characters is cut before parsing: a DOM costs many times the text in
   * heap, and no article is this long (pages that are, are dumps whose start is what counts).
   */
  public static final int MAX_HTML_CHARS = 8 << 20;

  private final Extraction extraction;

  /** A cleaner that keeps the main text of HTML pages. */
  public DocumentCleaner() {
    this(Extraction.MAIN_TEXT);
  }

  /** A cleaner that keeps as much of an HTML page as {@code extraction} says. */
  public DocumentCleaner(Extraction extraction) {
    this.extraction = extraction;
  }

  /**
   * Cleans one raw document.
   *
   * @throws IngestException when the bytes are not text (binary content)
   */
  public CleanDocument clean(RawDocument raw) throws IngestException {
    if (raw.format() == SourceFormat.JSONL) {
      // A JSON line has no URL of its own, but one from a Sandiq export's WARC carries the path
      // of the file it was first read from, which names it as it was named there.
      return JsonRecord.clean(raw, pathOf(raw.url() != null ? raw.url() : raw.source()));
    }
    String decoded =
        TextDecoder.decode(raw.body(), raw.declaredCharset(), raw.format() == SourceFormat.HTML);
    String title;
    String text;
    String url = raw.url();
    Instant date = raw.captureDate();
    String langHint = null;
    String description = null;
    String canonical = null;
    String otherText = "";
    if (raw.format() == SourceFormat.HTML) {
      if (decoded.length() > MAX_HTML_CHARS) {
        // Cut at a tag boundary so no half tag swallows text.
        int cut = decoded.lastIndexOf('<', MAX_HTML_CHARS);
        decoded = decoded.substring(0, cut > MAX_HTML_CHARS / 2 ? cut : MAX_HTML_CHARS);
      }
      HtmlCleaner.Page page = HtmlCleaner.clean(decoded, raw.url(), extraction);
      title = page.title();
      text = page.text();
      if (page.date() != null) {
        date = page.date();
      }
      if (page.canonicalUrl() != null && Sites.hostOf(page.canonicalUrl()) != null) {
        canonical = page.canonicalUrl();
        if (url == null) {
          // A saved page's own link is its best address; an archived capture keeps the URL the
          // archive captured, so a lookup by that URL finds it.
          url = canonical;
        }
      }
      langHint = page.lang();
      description = page.description();
      otherText = page.otherText();
    } else {
      TextCleaner.Text clean = TextCleaner.clean(decoded);
      title = clean.title();
      text = clean.text();
    }
    String path = pathOf(raw.source());
    if (title == null || title.isBlank()) {
      // Without a title or text, a capture is named by its URL (what an archive's replay shows),
      // a loose file by its name: never by the WARC file that happens to hold the capture.
      title =
          !text.isBlank()
              ? PlainText.headline(text)
              : raw.url() != null ? raw.url() : fileName(path);
    }
    String site = Sites.hostOf(url);
    if (site == null) {
      site = Sites.collectionOf(path);
    }
    return new CleanDocument(
        DocumentIds.of(raw.source()),
        // No URL: a loose file is addressed by its path, a capture that named none by its record
        // (path#offset), so two such captures of one archive file are not one page.
        url == null ? raw.source() : url,
        title,
        text,
        date,
        site,
        raw.source(),
        langHint,
        raw.captureDate(),
        description,
        canonical,
        raw.captureNames(),
        otherText);
  }

  static String pathOf(String source) {
    // A WARC record's source is "path#offset"; a loose file's is its path, which may hold a '#'.
    return source.replaceFirst("#\\d+$", "");
  }

  private static String fileName(String path) {
    int slash = path.lastIndexOf('/');
    return slash >= 0 ? path.substring(slash + 1) : path;
  }
}
