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
    String source) {
  /**
   * The index fields an export reads for each match (every backend), {@code text} aside: it is read
   * only when the export carries texts.
   */
  public static final java.util.List<String> FIELDS =
      java.util.List.of(
          org.sandiq.index.Fields.ID,
          org.sandiq.index.Fields.URL,
          org.sandiq.index.Fields.TITLE,
          org.sandiq.index.Fields.DATE,
          org.sandiq.index.Fields.CAPTURE_DATE,
          org.sandiq.index.Fields.LANG,
          org.sandiq.index.Fields.SITE,
          org.sandiq.index.Fields.COLLECTION,
          org.sandiq.index.Fields.SOURCE);
}
