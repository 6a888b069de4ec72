package org.sandiq.search;

/**
 * One match of an export: the fields a researcher takes away.
 *
 * @param date publication date else capture date, ISO-8601, or null
 * @param captureDate when the archive captured it (WARC-Date), ISO-8601, or null
 * @param score its relevance to the query
 * @param text the clean text, or null when the export leaves it out (CSV)
 * @param source where it came from: corpus-relative path, {@code #offset} for a WARC record (the
 *     WARC export copies that record)
 */
public record ExportedDocument(
    String id,
    String url,
    String title,
    String date,
    String captureDate,
    String lang,
    String site,
    String collection,
    float score,
    String text,
    String source) {}
