package org.sandiq.opensearch;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sandiq.analysis.Language;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.Fields;
import org.sandiq.index.FileStamp;
import org.sandiq.index.PreparedDocument;
import org.sandiq.ingest.CleanDocument;
import org.sandiq.ingest.DuplicateKeys;

/**
 * The OpenSearch documents of a prepared document and of a file record: the same fields with the
 * same values as {@link org.sandiq.index.DocumentMapper} writes to Lucene, as JSON objects.
 */
final class DocumentSources {
  private DocumentSources() {}

  /** The id of the file record of {@code file} (as embedded). */
  static String fileRecordId(String file) {
    return "file:" + file;
  }

  /**
   * The content document, with its language's fields where {@code profile} has them (as the
   * embedded index's {@code DocumentMapper}).
   */
  static Map<String, Object> content(PreparedDocument prepared, AnalysisProfile profile) {
    CleanDocument doc = prepared.document();
    Language language = prepared.language();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put(Fields.KIND, Fields.KIND_CONTENT);
    d.put(Fields.ID, doc.id());
    d.put(Fields.FILE, prepared.file());
    d.put(Fields.SOURCE, doc.source());
    if (!doc.captureNames().isEmpty()) {
      d.put(Fields.CAPTURE_NAMES, doc.captureNames());
    }
    d.put(Fields.URL, doc.url());
    putIfPresent(d, Fields.CANONICAL_URL, doc.canonicalUrl());
    d.put(Fields.TITLE, doc.title());
    d.put(Fields.TEXT, doc.text());
    d.put(Fields.LANG, language.code());
    putIfPresent(d, Fields.SITE, doc.site());
    putIfPresent(d, Fields.COLLECTION, prepared.collection());
    if (doc.date() != null) {
      d.put(Fields.DATE, doc.date().toEpochMilli());
      d.put(Fields.YEAR, Integer.toString(doc.date().atOffset(ZoneOffset.UTC).getYear()));
    }
    if (doc.captureDate() != null) {
      d.put(Fields.CAPTURE_DATE, doc.captureDate().toEpochMilli());
    }
    d.put(Fields.LANGS, prepared.languages().stream().map(Language::code).toList());
    DuplicateKeys keys = prepared.keys();
    putIfPresent(d, Fields.TEXT_HASH, keys.exact());
    putIfPresent(d, Fields.NEAR_HASH, keys.near());
    putIfPresent(d, Fields.URL_KEY, keys.url());
    putIfPresent(d, Fields.DESCRIPTION, doc.description());
    if (profile.hasVariantFields() && !doc.otherText().isEmpty()) {
      d.put(Fields.OTHER_FOLDED, doc.otherText());
    }
    if (profile.hasFieldsFor(language)) {
      d.put(Fields.title(language), doc.title());
      d.put(Fields.text(language), prepared.searchText());
    }
    prepared.otherLanguages().forEach((l, text) -> d.put(Fields.text(l), text));
    d.put(Fields.TITLE_FOLDED, doc.title());
    d.put(Fields.TEXT_FOLDED, prepared.searchText());
    d.put(Fields.TITLE_XSCRIPT, doc.title());
    d.put(Fields.TEXT_XSCRIPT, prepared.searchText());
    return d;
  }

  /** The file record. */
  static Map<String, Object> fileRecord(FileStamp stamp) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put(Fields.KIND, Fields.KIND_FILE);
    d.put(Fields.ID, fileRecordId(stamp.file()));
    d.put(Fields.FILE, stamp.file());
    d.put(Fields.FILE_PATH, stamp.file());
    d.put(Fields.FILE_HASH, stamp.hash());
    d.put(Fields.FILE_SIZE, stamp.size());
    d.put(Fields.FILE_MODIFIED, stamp.modifiedMillis());
    return d;
  }

  private static void putIfPresent(Map<String, Object> d, String field, String value) {
    if (value != null) {
      d.put(field, value);
    }
  }
}
