package org.sandiq.opensearch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sandiq.analysis.AnalyzerNames;
import org.sandiq.analysis.Language;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.Fields;
import org.sandiq.index.Ranking;
import org.sandiq.ingest.BoundedKeys;

/**
 * How Sandiq's documents lie in OpenSearch: the alias searches go through ({@code sandiq} by
 * default), the concrete indices behind it ({@code sandiq-<build time>}), and the index template
 * they are created from: the mapping of {@link Fields} with each analysed field on the plugin's
 * analyzer of {@link AnalyzerNames} (the same analysis as {@link org.sandiq.index.FieldAnalyzers}),
 * BM25 with {@link Ranking}'s parameters, shards and replicas.
 *
 * @param alias the name searches use; indices are named {@code alias-…}
 * @param shards primary shards of a new index
 * @param replicas replicas of each shard once loaded (a full load runs with none)
 */
public record IndexLayout(String alias, int shards, int replicas) {
  /** The default alias. */
  public static final String DEFAULT_ALIAS = "sandiq";

  public IndexLayout {
    if (!alias.matches("[a-z0-9][a-z0-9_.-]*")) {
      throw new IllegalArgumentException(
          "index name '" + alias + "': lower-case letters, digits, '-', '_', '.' only");
    }
    if (shards < 1 || replicas < 0) {
      throw new IllegalArgumentException("shards must be >= 1 and replicas >= 0");
    }
  }

  /** The template's name and the pattern of the indices it shapes. */
  public String templateName() {
    return alias;
  }

  /** The pattern of the concrete indices. */
  public String indexPattern() {
    return alias + "-*";
  }

  /** The analysed field names of {@code profile}: indexed, not kept in {@code _source}. */
  static List<String> analysedFields(AnalysisProfile profile) {
    List<String> fields = new ArrayList<>(profile.titleFields());
    fields.addAll(profile.textFields());
    if (profile.hasVariantFields()) {
      fields.add(Fields.OTHER_FOLDED);
    }
    return fields;
  }

  /** The body of {@code PUT _index_template/<alias>}. */
  public Map<String, Object> template(AnalysisProfile profile) {
    if (!profile.hasVariantFields()) {
      throw new IllegalArgumentException(
          "the OpenSearch backend has the multilingual analysis only, not " + profile.code());
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("number_of_shards", shards);
    settings.put("number_of_replicas", replicas);
    settings.put(
        "similarity", Map.of("default", Map.of("type", "BM25", "k1", Ranking.K1, "b", Ranking.B)));
    Map<String, Object> mappings = new LinkedHashMap<>();
    mappings.put("dynamic", "strict");
    // The analysed copies are indexed only: the stored title and text are in _source once.
    mappings.put("_source", Map.of("excludes", analysedFields(profile)));
    mappings.put("properties", properties(profile));
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("settings", settings);
    template.put("mappings", mappings);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("index_patterns", List.of(indexPattern()));
    body.put("priority", 100);
    body.put("template", template);
    body.put("_meta", Map.of("sandiq_analysis", profile.code()));
    return body;
  }

  /** The field mappings of {@code profile}: in the template, and put on an index being updated. */
  static Map<String, Object> properties(AnalysisProfile profile) {
    Map<String, Object> p = new LinkedHashMap<>();
    for (String keyword :
        List.of(
            Fields.KIND,
            Fields.ID,
            Fields.FILE,
            Fields.LANG,
            Fields.SITE,
            Fields.COLLECTION,
            Fields.YEAR,
            Fields.LANGS,
            Fields.TEXT_HASH,
            Fields.NEAR_HASH,
            Fields.URL_KEY,
            Fields.CAPTURE_NAMES,
            Fields.FILE_PATH,
            Fields.FILE_HASH)) {
      p.put(keyword, Map.of("type", "keyword"));
    }
    // The captured URL is shown whole from _source; a runaway one is not indexed, as the embedded
    // index keeps it to one bounded term (BoundedKeys), rather than losing the whole document.
    p.put(Fields.URL, Map.of("type", "keyword", "ignore_above", BoundedKeys.MAX_CHARS));
    // Shown, never searched: in _source only.
    for (String shown : List.of(Fields.SOURCE, Fields.CANONICAL_URL, Fields.DESCRIPTION)) {
      p.put(shown, Map.of("type", "keyword", "index", false, "doc_values", false));
    }
    for (String stored : List.of(Fields.TITLE, Fields.TEXT)) {
      p.put(stored, Map.of("type", "text", "index", false));
    }
    for (String date : List.of(Fields.DATE, Fields.CAPTURE_DATE)) {
      p.put(date, Map.of("type", "date", "format", "epoch_millis"));
    }
    for (String number : List.of(Fields.FILE_SIZE, Fields.FILE_MODIFIED)) {
      p.put(number, Map.of("type", "long"));
    }
    for (Language language : profile.languages()) {
      p.put(Fields.title(language), analysed(AnalyzerNames.of(language)));
      p.put(Fields.text(language), frequenciesOnly(AnalyzerNames.of(language)));
    }
    p.put(Fields.TITLE_FOLDED, analysed(AnalyzerNames.FOLDED));
    p.put(Fields.TEXT_FOLDED, analysed(AnalyzerNames.FOLDED));
    // A title's every word is keyed; a text's name-like words only, a query's every word (as the
    // embedded index does).
    p.put(Fields.TITLE_XSCRIPT, analysed(AnalyzerNames.CROSS_SCRIPT));
    p.put(Fields.TEXT_XSCRIPT, textCrossScript());
    // A page's other visible text: scored low, never phrased or marked (as embedded).
    p.put(Fields.OTHER_FOLDED, frequenciesOnly(AnalyzerNames.FOLDED));
    return p;
  }

  private static Map<String, Object> textCrossScript() {
    Map<String, Object> field = new LinkedHashMap<>(analysed(AnalyzerNames.CROSS_SCRIPT_NAMES));
    field.put("search_analyzer", AnalyzerNames.CROSS_SCRIPT);
    return field;
  }

  /**
   * As embedded, a language text field: frequencies only. Its scores need no more, phrases run on
   * the folded field, and hits are marked from their own analysis ({@code search.HitMarker}).
   */
  private static Map<String, Object> frequenciesOnly(String analyzer) {
    return Map.of("type", "text", "analyzer", analyzer, "index_options", "freqs");
  }

  /** As embedded: positions and offsets in the postings, for phrases and the highlighter. */
  private static Map<String, Object> analysed(String analyzer) {
    return Map.of("type", "text", "analyzer", analyzer, "index_options", "offsets");
  }
}
