package org.sandiq.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sandiq.analysis.Language;
import org.sandiq.index.CaptureKeys;
import org.sandiq.index.Fields;
import org.sandiq.search.StoredDocument;

/**
 * One document and what relates to it, from the cluster: the document view ({@code _source}), the
 * captures of its URL, its exact copies, documents like it ({@code more_like_this} over its
 * language's field and the folded field, as embedded), and the titles autocomplete is built from.
 */
final class ClusterDocuments {
  /** At most this many captures or duplicates are listed (as embedded). */
  static final int MAX_RELATED = 50;

  /** Text given to {@code more_like_this}: about what embedded's 20,000 tokens read. */
  private static final int MAX_LIKE_CHARS = 150_000;

  private static final int TITLE_PAGE = 5000;

  private final ClusterSearch search;
  private final String alias;

  ClusterDocuments(ClusterSearch search, String alias) {
    this.search = search;
    this.alias = alias;
  }

  private static Map<String, Object> term(String field, String value) {
    return Map.of("term", Map.of(field, value));
  }

  private static Map<String, Object> content(Map<String, Object> query) {
    return Map.of(
        "bool", Map.of("must", query, "filter", List.of(term(Fields.KIND, Fields.KIND_CONTENT))));
  }

  private List<JsonNode> find(Map<String, Object> query, int size, List<Object> sort)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("size", size);
    body.put("query", query);
    if (sort != null) {
      body.put("sort", sort);
    }
    List<JsonNode> hits = new ArrayList<>();
    search
        .call("POST", "/" + alias + "/_search", body)
        .path("hits")
        .path("hits")
        .forEach(hits::add);
    return hits;
  }

  Optional<StoredDocument> document(String id) throws IOException {
    List<JsonNode> found = find(content(term(Fields.ID, id)), 1, null);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ClusterHit d = new ClusterHit(0, null, found.get(0).path("_source"));
    String urlKey = d.text(Fields.URL_KEY);
    List<StoredDocument.Related> captures =
        urlKey == null ? List.of() : related(term(Fields.URL_KEY, urlKey));
    if (captures.size() < 2) {
      captures = List.of();
    }
    String textHash = d.text(Fields.TEXT_HASH);
    List<StoredDocument.Related> duplicates =
        textHash == null
            ? List.of()
            : related(term(Fields.TEXT_HASH, textHash)).stream()
                .filter(r -> !r.id().equals(id))
                .toList();
    return Optional.of(
        new StoredDocument(
            d.text(Fields.ID),
            d.text(Fields.URL),
            d.text(Fields.TITLE),
            d.text(Fields.TEXT),
            d.text(Fields.LANG),
            d.instant(Fields.DATE),
            d.text(Fields.SITE),
            d.text(Fields.SOURCE),
            captures,
            duplicates));
  }

  private List<StoredDocument.Related> related(Map<String, Object> query) throws IOException {
    List<StoredDocument.Related> related = new ArrayList<>();
    for (JsonNode hit : find(content(query), MAX_RELATED, null)) {
      related.add(relatedOf(new ClusterHit(0, null, hit.path("_source")), false));
    }
    related.sort(
        Comparator.comparing(
            StoredDocument.Related::date, Comparator.nullsLast(Comparator.naturalOrder())));
    return related;
  }

  private static StoredDocument.Related relatedOf(ClusterHit d, boolean captureDate) {
    String when = captureDate ? d.instant(Fields.CAPTURE_DATE) : null;
    return new StoredDocument.Related(
        d.text(Fields.ID),
        d.text(Fields.TITLE),
        d.text(Fields.URL),
        when != null ? when : d.instant(Fields.DATE));
  }

  /** The captures of {@code url}, oldest capture first (see {@code SearchService#captures}). */
  List<StoredDocument.Related> captures(String url, int limit) throws IOException {
    String key = CaptureKeys.of(url);
    if (key == null) {
      return List.of();
    }
    List<Object> sort =
        List.of(
            Map.of(Fields.CAPTURE_DATE, Map.of("order", "asc", "missing", "_last")),
            Map.of(Fields.DATE, Map.of("order", "asc", "missing", "_last")));
    List<StoredDocument.Related> captures = new ArrayList<>();
    for (JsonNode hit : find(content(term(Fields.URL_KEY, key)), limit, sort)) {
      captures.add(relatedOf(new ClusterHit(0, null, hit.path("_source")), true));
    }
    return captures;
  }

  /** Documents like document {@code id}, best first, without it and its copies. */
  Optional<List<ClusterHit>> similar(String id, int limit, Set<String> fields) throws IOException {
    List<JsonNode> found = find(content(term(Fields.ID, id)), 1, null);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ClusterHit d = new ClusterHit(0, null, found.get(0).path("_source"));
    String text = d.text(Fields.TEXT) == null ? "" : d.text(Fields.TEXT);
    if (text.length() > MAX_LIKE_CHARS) {
      text = text.substring(0, MAX_LIKE_CHARS);
    }
    Language language = Language.fromCode(d.text(Fields.LANG)).orElse(Language.UND);
    List<Object> like = new ArrayList<>();
    for (String field : List.of(Fields.text(language), Fields.TEXT_FOLDED)) {
      Map<String, Object> mlt = new LinkedHashMap<>();
      mlt.put("fields", List.of(field));
      mlt.put("like", text);
      mlt.put("min_term_freq", 1);
      mlt.put("min_doc_freq", 1);
      mlt.put("max_query_terms", 30);
      like.add(Map.of("more_like_this", mlt));
    }
    List<Object> excluded = new ArrayList<>();
    excluded.add(term(Fields.ID, id));
    if (d.text(Fields.TEXT_HASH) != null) {
      excluded.add(term(Fields.TEXT_HASH, d.text(Fields.TEXT_HASH)));
    }
    Map<String, Object> query =
        Map.of(
            "bool",
            Map.of(
                "must",
                Map.of("bool", Map.of("should", like)),
                "filter",
                List.of(term(Fields.KIND, Fields.KIND_CONTENT)),
                "must_not",
                excluded));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("size", limit);
    body.put("query", query);
    body.put("_source", Map.of("includes", List.copyOf(fields)));
    List<ClusterHit> hits = new ArrayList<>();
    for (JsonNode hit :
        search.call("POST", "/" + alias + "/_search", body).path("hits").path("hits")) {
      hits.add(new ClusterHit((float) hit.path("_score").asDouble(0), null, hit.path("_source")));
    }
    return Optional.of(hits);
  }

  /** Up to {@code max} titles of content documents, read in pages by document id. */
  List<String> titles(int max) throws IOException {
    List<String> titles = new ArrayList<>();
    JsonNode after = null;
    while (titles.size() < max) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("size", Math.min(TITLE_PAGE, max - titles.size()));
      body.put("query", term(Fields.KIND, Fields.KIND_CONTENT));
      body.put("sort", List.of(Map.of(Fields.ID, "asc")));
      body.put("_source", List.of(Fields.TITLE));
      if (after != null) {
        body.put("search_after", after);
      }
      JsonNode hits = search.call("POST", "/" + alias + "/_search", body).path("hits").path("hits");
      for (JsonNode hit : hits) {
        JsonNode title = hit.path("_source").get(Fields.TITLE);
        if (title != null && !title.isNull()) {
          titles.add(title.asText());
        }
        after = hit.get("sort");
      }
      if (hits.size() < TITLE_PAGE) {
        break;
      }
    }
    return titles;
  }

  /**
   * What identifies the index's state: the indices behind the alias and their document and
   * operation counts, so autocomplete is rebuilt after a reindex or an update, not per request.
   */
  Object version() throws IOException {
    JsonNode stats = search.call("GET", "/" + alias + "/_stats/docs,indexing", null);
    List<Object> version = new ArrayList<>();
    stats.path("indices").fieldNames().forEachRemaining(version::add);
    JsonNode primaries = stats.path("_all").path("primaries");
    version.add(primaries.path("docs").path("count").asLong());
    version.add(primaries.path("indexing").path("index_total").asLong());
    version.add(primaries.path("indexing").path("delete_total").asLong());
    return version;
  }
}
