package org.sandiq.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.sandiq.index.Fields;
import org.sandiq.search.IndexUnavailableException;
import org.sandiq.search.InvalidRequestException;
import org.sandiq.search.SearchLimits;
import org.sandiq.search.SearchRequest;

/**
 * The search requests the OpenSearch backend sends, and what it reads back: ranked hits in one of
 * Sandiq's orders, counts, and cursors. Every failure is mapped once here: a cluster that does not
 * answer, or misses shards a search needs (red), is an {@link IndexUnavailableException} (a 503); a
 * query OpenSearch refuses for its size is an {@link InvalidRequestException}.
 *
 * <p>Searches run as {@code dfs_query_then_fetch}: term statistics are gathered from every shard
 * first, so scores (and so the ranking) are those of one index, as embedded, however many shards
 * hold the documents. It costs one more round trip per search.
 */
final class ClusterSearch {
  private static final String CURSOR_VERSION = "o1";

  private final ClusterClient cluster;
  private final String alias;
  private final QueryDsl dsl;
  private final SearchLimits limits;
  private final ObjectMapper json = new ObjectMapper();

  ClusterSearch(ClusterClient cluster, String alias, SearchLimits limits) {
    this.cluster = cluster;
    this.alias = alias;
    this.limits = limits;
    this.dsl = new QueryDsl(limits.maxExpansions());
  }

  /** Ranked hits, how many matched, and whether shards were missing or time ran out. */
  record Ranked(List<ClusterHit> hits, long total, String relation, boolean partial) {}

  /** The DSL form of {@code query}. */
  Map<String, Object> dsl(Query query) {
    return dsl.of(query);
  }

  /**
   * The best {@code n} hits of {@code query} in {@code order} after {@code after} (null: from the
   * top), with the {@code _source} fields named. Matches are counted exactly up to the limits'
   * exact total, as embedded.
   */
  Ranked hits(Query query, SearchRequest.SortOrder order, JsonNode after, int n, Set<String> fields)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", dsl.of(query));
    body.put("size", n);
    body.put("sort", sort(order));
    body.put("track_scores", true);
    body.put("track_total_hits", limits.exactTotal());
    body.put("_source", Map.of("includes", List.copyOf(fields)));
    body.put("timeout", limits.timeoutMillis() + "ms");
    if (after != null) {
      body.put("search_after", after);
    }
    JsonNode response = search(body);
    List<ClusterHit> hits = new ArrayList<>();
    for (JsonNode hit : response.path("hits").path("hits")) {
      hits.add(
          new ClusterHit(
              (float) hit.path("_score").asDouble(0), hit.get("sort"), hit.path("_source")));
    }
    JsonNode total = response.path("hits").path("total");
    return new Ranked(
        hits, total.path("value").asLong(), total.path("relation").asText("eq"), partial(response));
  }

  /** How many documents match {@code query}. */
  long count(Query query) throws IOException {
    return call("POST", "/" + alias + "/_count", Map.of("query", dsl.of(query)))
        .path("count")
        .asLong();
  }

  /**
   * What a page needs of its shown hits beyond the ranking, from one request: their texts (by id),
   * how many documents share each text key (copies) and each URL key (captures).
   */
  record PageExtras(
      Map<String, String> texts, Map<String, Integer> copies, Map<String, Integer> captures) {}

  /**
   * The {@link PageExtras} of {@code shown}, counting the copies of {@code textKeys}: one search
   * whose query is every content document holding one of the ids, text keys or URL keys, whose
   * aggregations count the keys, and whose {@code post_filter} keeps the shown hits for their
   * texts.
   */
  PageExtras pageExtras(List<ClusterHit> shown, java.util.Set<String> textKeys) throws IOException {
    List<String> ids = new ArrayList<>();
    List<String> urlKeys = new ArrayList<>();
    for (ClusterHit hit : shown) {
      ids.add(hit.text(Fields.ID));
      String url = hit.text(Fields.URL_KEY);
      if (url != null && !urlKeys.contains(url)) {
        urlKeys.add(url);
      }
    }
    if (ids.isEmpty()) {
      return new PageExtras(Map.of(), Map.of(), Map.of());
    }
    List<Object> any = new ArrayList<>();
    any.add(Map.of("terms", Map.of(Fields.ID, ids)));
    Map<String, Object> aggs = new LinkedHashMap<>();
    if (!textKeys.isEmpty()) {
      any.add(Map.of("terms", Map.of(Fields.TEXT_HASH, List.copyOf(textKeys))));
      aggs.put("copies", keyCounts(Fields.TEXT_HASH, List.copyOf(textKeys)));
    }
    if (!urlKeys.isEmpty()) {
      any.add(Map.of("terms", Map.of(Fields.URL_KEY, urlKeys)));
      aggs.put("captures", keyCounts(Fields.URL_KEY, urlKeys));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("size", ids.size());
    body.put("track_total_hits", false);
    body.put(
        "query",
        Map.of(
            "bool",
            Map.of(
                "filter",
                List.of(Map.of("term", Map.of(Fields.KIND, Fields.KIND_CONTENT))),
                "should",
                any,
                "minimum_should_match",
                1)));
    body.put("post_filter", Map.of("terms", Map.of(Fields.ID, ids)));
    body.put("_source", List.of(Fields.ID, Fields.TEXT));
    if (!aggs.isEmpty()) {
      body.put("aggs", aggs);
    }
    JsonNode response = call("POST", "/" + alias + "/_search", body);
    Map<String, String> texts = new LinkedHashMap<>();
    for (JsonNode hit : response.path("hits").path("hits")) {
      JsonNode source = hit.path("_source");
      texts.put(source.path(Fields.ID).asText(), source.path(Fields.TEXT).asText(""));
    }
    JsonNode results = response.path("aggregations");
    return new PageExtras(
        texts,
        counts(results.path("copies").path("k")),
        counts(results.path("captures").path("k")));
  }

  private static Map<String, Object> keyCounts(String field, List<String> keys) {
    return Map.of(
        "filter",
        Map.of("terms", Map.of(field, keys)),
        "aggs",
        Map.of("k", Map.of("terms", Map.of("field", field, "size", keys.size()))));
  }

  private static Map<String, Integer> counts(JsonNode terms) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (JsonNode bucket : terms.path("buckets")) {
      counts.put(bucket.path("key").asText(), bucket.path("doc_count").asInt());
    }
    return counts;
  }

  /**
   * A search with {@code body}; failures mapped (see the class comment). On an index of more than
   * one shard it gathers term statistics from every shard first ({@code dfs_query_then_fetch}); one
   * shard has them all, and saves the round trip.
   */
  JsonNode search(Map<String, Object> body) throws IOException {
    JsonNode response =
        call(
            "POST",
            "/"
                + alias
                + "/_search?allow_partial_search_results=true"
                + (sharded() ? "&search_type=dfs_query_then_fetch" : ""),
            body);
    if (missedShards(response) && red()) {
      throw new IndexUnavailableException(
          "the cluster is red: shards of "
              + alias
              + " are missing, so a search would miss documents; retry when it recovers",
          null);
    }
    return response;
  }

  private volatile long shardsReadAt;
  private volatile boolean sharded = true;

  /** Whether the index behind the alias has more than one shard (read once a minute). */
  private boolean sharded() {
    long now = System.nanoTime();
    if (now - shardsReadAt > 60_000_000_000L || shardsReadAt == 0) {
      shardsReadAt = now;
      try {
        int shards = 0;
        JsonNode settings =
            cluster.json("GET", "/" + alias + "/_settings/index.number_of_shards", null);
        for (JsonNode index : settings) {
          shards += index.path("settings").path("index").path("number_of_shards").asInt(2);
        }
        sharded = shards != 1;
      } catch (IOException e) {
        sharded = true; // the safe choice; the search itself reports what is wrong
      }
    }
    return sharded;
  }

  /** Whether the index's health is red (a primary shard unassigned). */
  boolean red() {
    try {
      return cluster
          .json("GET", "/_cluster/health/" + alias + "?timeout=1s", null)
          .path("status")
          .asText()
          .equals("red");
    } catch (ClusterClient.ClusterException e) {
      return e.status() == 408 || e.status() >= 500; // a timed-out health request reports red
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * One request; an unreachable or failing cluster mapped to {@link IndexUnavailableException}.
   * Every request sent through here reads (a point in time it opens expires by itself), so one that
   * failed in passing is sent once more: a request in flight to a node that died fails with a
   * broken connection, and the transport sends the second one to a live node; a shard copy being
   * promoted answers 503 for a moment. A cluster that stays down fails twice and is reported.
   */
  JsonNode call(String method, String path, Object body) throws IOException {
    try {
      return cluster.json(method, path, body);
    } catch (ClusterClient.ClusterException e) {
      if (e.status() != 503 && e.status() != 504) {
        throw mapped(e);
      }
    } catch (IOException e) {
      // a broken connection: sent once more below
    }
    try {
      return cluster.json(method, path, body);
    } catch (ClusterClient.ClusterException e) {
      throw mapped(e);
    } catch (IOException e) {
      throw new IndexUnavailableException(
          "OpenSearch does not answer (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** The error a failed answer is to the caller (the unmapped ones as they are). */
  private IOException mapped(ClusterClient.ClusterException e) {
    String message = e.getMessage();
    if (message.contains("too_many_clauses") || message.contains("maxClauseCount")) {
      throw new InvalidRequestException(
          "the query expands to too many terms: make prefixes and fuzzy words longer");
    }
    if (e.status() == 503 || e.status() == 429 || e.status() == 504) {
      throw new IndexUnavailableException("OpenSearch answered " + e.status(), e);
    }
    if (e.status() == 404 && message.contains("index_not_found")) {
      throw new IndexUnavailableException("no index " + alias + " on the cluster yet", e);
    }
    return e;
  }

  /**
   * Whether some shard did not answer: failed, or not searched at all (an unassigned shard is
   * counted in the total but neither failed nor successful).
   */
  static boolean missedShards(JsonNode response) {
    JsonNode shards = response.path("_shards");
    return shards.path("failed").asInt() > 0
        || shards.path("successful").asInt() + shards.path("skipped").asInt()
            < shards.path("total").asInt();
  }

  static boolean partial(JsonNode response) {
    return response.path("timed_out").asBoolean(false) || missedShards(response);
  }

  /**
   * Sandiq's orders in OpenSearch, each ending on the document id, so equal scores (and dates)
   * order the same way on every page and every shard; documents without a date come last.
   */
  static List<Object> sort(SearchRequest.SortOrder order) {
    Map<String, Object> byScore = Map.of("_score", "desc");
    Map<String, Object> byId = Map.of(Fields.ID, "asc");
    return switch (order) {
      case RELEVANCE -> List.of(byScore, byId);
      case NEWEST -> List.of(dated(Fields.DATE, "desc"), byScore, byId);
      case OLDEST -> List.of(dated(Fields.DATE, "asc"), byScore, byId);
      case CAPTURED -> List.of(dated(Fields.CAPTURE_DATE, "desc"), byScore, byId);
    };
  }

  private static Map<String, Object> dated(String field, String order) {
    return Map.of(field, Map.of("order", order, "missing", "_last"));
  }

  /** A cursor: the sort values of the last hit of a page, opaque to clients. */
  String encode(ClusterHit last, SearchRequest.SortOrder order) {
    String raw = CURSOR_VERSION + ":" + order.name() + ":" + last.sort().toString();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The sort values {@code cursor} continues after.
   *
   * @throws InvalidRequestException when it is not a cursor of this backend for this order
   */
  JsonNode decode(String cursor, SearchRequest.SortOrder order) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split(":", 3);
      if (parts.length != 3 || !parts[0].equals(CURSOR_VERSION)) {
        throw new IllegalArgumentException("unknown format");
      }
      if (!parts[1].equals(order.name())) {
        throw new InvalidRequestException(
            "the cursor belongs to sort="
                + parts[1].toLowerCase(Locale.ROOT)
                + "; ask again without a cursor to change the order");
      }
      JsonNode values = json.readTree(parts[2]);
      if (!values.isArray() || values.size() != sort(order).size()) {
        throw new IllegalArgumentException("wrong length");
      }
      return values;
    } catch (IllegalArgumentException | IOException e) {
      throw new InvalidRequestException(
          "invalid cursor: pass the nextCursor of a previous response unchanged");
    }
  }

  /** How many content documents have each of {@code values} in keyword field {@code field}. */
  Map<String, Integer> termCounts(String field, Set<String> values) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("size", 0);
    body.put(
        "query",
        Map.of(
            "bool",
            Map.of(
                "filter",
                List.of(
                    Map.of("term", Map.of(Fields.KIND, Fields.KIND_CONTENT)),
                    Map.of("terms", Map.of(field, List.copyOf(values)))))));
    body.put(
        "aggs", Map.of("counts", Map.of("terms", Map.of("field", field, "size", values.size()))));
    return counts(call("POST", "/" + alias + "/_search", body).path("aggregations").path("counts"));
  }
}
