package org.sandiq.search;

/**
 * A document as stored in the index, for the document view and {@code GET /api/doc/{id}}.
 *
 * @param date ISO-8601 instant, or null
 * @param source corpus-relative path, with {@code #offset} for a WARC record
 */
public record StoredDocument(
    String id,
    String url,
    String title,
    String text,
    String lang,
    String date,
    String site,
    String source) {}
