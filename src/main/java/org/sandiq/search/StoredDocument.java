package org.sandiq.search;

import java.util.List;

/**
 * A document as stored in the index, for the document view and {@code GET /api/doc/{id}}.
 *
 * @param date ISO-8601 instant, or null
 * @param source corpus-relative path, with {@code #offset} for a WARC record
 * @param captures every capture of the same URL (this one included), oldest first
 * @param duplicates other documents with exactly the same text
 */
public record StoredDocument(
    String id,
    String url,
    String title,
    String text,
    String lang,
    String date,
    String site,
    String source,
    List<Related> captures,
    List<Related> duplicates) {

  /** Another document, named for a link. */
  public record Related(String id, String title, String url, String date) {}
}
