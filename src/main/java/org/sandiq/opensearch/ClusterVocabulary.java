package org.sandiq.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sandiq.index.Fields;
import org.sandiq.search.Suggestions;

/**
 * The words of the OpenSearch index, for "did you mean" ({@link Suggestions}), for one request:
 * document counts of every word the query may need, in one search ({@code filters} aggregation;
 * {@code _count} for any other), the closest spelling by the {@code term} suggester (at most two
 * edits, the first letter kept, as embedded), and a document's text to read the spelling from.
 *
 * <p>The term suggester ranks candidates by its own string distance and frequency, not by Lucene's
 * {@code DirectSpellChecker} accuracy that embedded uses, so the two may correct a word to
 * different neighbours; both only ever suggest a query that finds at least as much as the one
 * typed.
 */
final class ClusterVocabulary implements Suggestions.Vocabulary {
  private final ClusterSearch search;
  private final String alias;

  /** Counts fetched ahead for this request: field, NUL, term → documents. */
  private final Map<String, Long> counted = new java.util.HashMap<>();

  ClusterVocabulary(ClusterSearch search, String alias) {
    this.search = search;
    this.alias = alias;
  }

  /** Counts every pair in one search: a {@code filters} aggregation, one filter a pair. */
  @Override
  public void prefetch(List<org.apache.lucene.index.Term> terms) throws IOException {
    if (terms.isEmpty()) {
      return;
    }
    Map<String, Object> filters = new LinkedHashMap<>();
    Map<String, String> keys = new java.util.HashMap<>();
    for (org.apache.lucene.index.Term term : terms) {
      String name = "t" + filters.size();
      filters.put(name, Map.of("term", Map.of(term.field(), term.text())));
      keys.put(name, key(term.field(), term.text()));
    }
    JsonNode buckets =
        search
            .call(
                "POST",
                "/" + alias + "/_search",
                Map.of(
                    "size",
                    0,
                    "track_total_hits",
                    false,
                    "aggs",
                    Map.of("counts", Map.of("filters", Map.of("filters", filters)))))
            .path("aggregations")
            .path("counts")
            .path("buckets");
    buckets
        .fieldNames()
        .forEachRemaining(
            name -> counted.put(keys.get(name), buckets.path(name).path("doc_count").asLong()));
  }

  private static String key(String field, String term) {
    return field + "\u0000" + term;
  }

  @Override
  public long docFreq(String field, String term) throws IOException {
    Long known = counted.get(key(field, term));
    if (known != null) {
      return known;
    }
    return search
        .call("POST", "/" + alias + "/_count", Map.of("query", Map.of("term", Map.of(field, term))))
        .path("count")
        .asLong();
  }

  @Override
  public String similar(String field, String term) throws IOException {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("field", field);
    options.put("analyzer", "keyword"); // the word is already folded
    options.put("suggest_mode", "missing");
    options.put("max_edits", 2);
    options.put("prefix_length", 1);
    options.put("min_word_length", 4);
    options.put("size", 1);
    JsonNode response =
        search.call(
            "POST",
            "/" + alias + "/_search",
            Map.of("size", 0, "suggest", Map.of("fix", Map.of("text", term, "term", options))));
    for (JsonNode entry : response.path("suggest").path("fix")) {
      for (JsonNode option : entry.path("options")) {
        return option.path("text").asText();
      }
    }
    return null;
  }

  @Override
  public Suggestions.Sample sample(String folded, String lang) throws IOException {
    List<Object> filters = new ArrayList<>();
    filters.add(Map.of("term", Map.of(Fields.TEXT_FOLDED, folded)));
    filters.add(Map.of("term", Map.of(Fields.KIND, Fields.KIND_CONTENT)));
    if (lang != null) {
      filters.add(Map.of("term", Map.of(Fields.LANG, lang)));
    }
    JsonNode response =
        search.call(
            "POST",
            "/" + alias + "/_search",
            Map.of(
                "size",
                1,
                "query",
                Map.of("bool", Map.of("filter", filters)),
                "_source",
                List.of(Fields.TEXT, Fields.LANG)));
    for (JsonNode hit : response.path("hits").path("hits")) {
      JsonNode text = hit.path("_source").get(Fields.TEXT);
      JsonNode language = hit.path("_source").get(Fields.LANG);
      return text == null
          ? null
          : new Suggestions.Sample(
              text.asText(), null, language == null ? null : language.asText());
    }
    return null;
  }
}
