package org.sandiq.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sandiq.index.Fields;
import org.sandiq.search.FacetsResponse;
import org.sandiq.search.FilteredQuery;
import org.sandiq.search.Histogram;
import org.sandiq.search.SearchRequest;
import org.sandiq.search.SearchResponse;

/**
 * Facet counts and the time histogram as OpenSearch aggregations, in one search that returns no
 * hits: the words and dates as the query, then one {@code filter} aggregation holding every facet
 * filter (the total, each dimension's {@code terms}, the {@code date_histogram}) and, for each
 * filtered dimension, one without its own filter, so clicking a language still shows the other
 * languages (drill-sideways, as embedded). The archive's own count per period comes from a {@code
 * global} aggregation in the same request.
 *
 * <p>Terms are counted per shard and merged; each shard returns its top {@value #SHARD_SIZE}
 * values, so on a sharded index a value outside some shard's top {@value #SHARD_SIZE} may be
 * undercounted (OpenSearch says so with {@code doc_count_error_upper_bound}); embedded counts are
 * exact.
 */
final class ClusterFacets {
  static final int SHARD_SIZE = 100;

  private final ClusterSearch search;

  ClusterFacets(ClusterSearch search) {
    this.search = search;
  }

  /** Facet counts, the exact total, the histogram (null unless asked for), and partiality. */
  record Counts(
      long total,
      Map<String, List<SearchResponse.FacetValue>> facets,
      Histogram histogram,
      boolean partial) {}

  Counts count(FilteredQuery filtered, SearchRequest request) throws IOException {
    Map<String, Object> inner = new LinkedHashMap<>();
    for (String dim : FacetsResponse.DIMENSIONS) {
      inner.put(dim, terms(dim));
    }
    Histogram.Interval interval = request.interval();
    if (interval != null) {
      inner.put("periods", periods(interval));
    }
    Map<String, Object> aggs = new LinkedHashMap<>();
    aggs.put("all", Map.of("filter", filters(filtered, null), "aggs", inner));
    for (String dim : filtered.facetFilters().keySet()) {
      aggs.put(
          "side_" + dim, Map.of("filter", filters(filtered, dim), "aggs", Map.of(dim, terms(dim))));
    }
    if (interval != null) {
      aggs.put(
          "archive",
          Map.of(
              "global",
              Map.of(),
              "aggs",
              Map.of(
                  "content",
                  Map.of(
                      "filter",
                      Map.of("term", Map.of(Fields.KIND, Fields.KIND_CONTENT)),
                      "aggs",
                      Map.of("periods", periods(interval))))));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("size", 0);
    body.put("track_total_hits", false);
    body.put("query", search.dsl(filtered.base()));
    body.put("aggs", aggs);
    JsonNode response = search.search(body);
    JsonNode results = response.path("aggregations");
    JsonNode all = results.path("all");
    Map<String, List<SearchResponse.FacetValue>> facets = FacetsResponse.emptyFacets();
    for (String dim : FacetsResponse.DIMENSIONS) {
      JsonNode counted =
          filtered.facetFilters().containsKey(dim)
              ? results.path("side_" + dim).path(dim)
              : all.path(dim);
      facets.put(dim, values(counted));
    }
    Histogram histogram =
        interval == null
            ? null
            : histogram(
                request,
                results.path("archive").path("content").path("periods"),
                all.path("periods"));
    return new Counts(
        all.path("doc_count").asLong(), facets, histogram, ClusterSearch.partial(response));
  }

  private static Map<String, Object> terms(String dim) {
    return Map.of(
        "terms",
        Map.of(
            "field",
            dim,
            "size",
            FacetsResponse.VALUES,
            "shard_size",
            SHARD_SIZE,
            "order",
            List.of(Map.of("_count", "desc"), Map.of("_key", "asc"))));
  }

  private static Map<String, Object> periods(Histogram.Interval interval) {
    return Map.of(
        "date_histogram",
        Map.of("field", Fields.DATE, "calendar_interval", interval.code(), "min_doc_count", 1));
  }

  /** Every facet filter of {@code filtered} but the one on {@code skip}, as one filter. */
  private static Map<String, Object> filters(FilteredQuery filtered, String skip) {
    List<Object> terms = new ArrayList<>();
    filtered
        .facetFilters()
        .forEach(
            (dim, value) -> {
              if (!dim.equals(skip)) {
                terms.add(Map.of("term", Map.of(dim, value)));
              }
            });
    return terms.isEmpty()
        ? Map.of("match_all", Map.of())
        : Map.of("bool", Map.of("filter", terms));
  }

  private static List<SearchResponse.FacetValue> values(JsonNode terms) {
    List<SearchResponse.FacetValue> values = new ArrayList<>();
    for (JsonNode bucket : terms.path("buckets")) {
      values.add(
          new SearchResponse.FacetValue(
              bucket.path("key").asText(), bucket.path("doc_count").asLong()));
    }
    return values;
  }

  private static Histogram histogram(SearchRequest request, JsonNode archive, JsonNode matched) {
    Histogram.Interval interval = request.interval();
    TreeMap<Long, Long> totals = periodCounts(archive, interval);
    Map<Long, Long> counted = periodCounts(matched, interval);
    long[] periods = new long[totals.size()];
    long[] archiveCounts = new long[totals.size()];
    long[] matchCounts = new long[totals.size()];
    int i = 0;
    for (Map.Entry<Long, Long> period : totals.entrySet()) {
      periods[i] = period.getKey();
      archiveCounts[i] = period.getValue();
      matchCounts[i] = counted.getOrDefault(period.getKey(), 0L);
      i++;
    }
    return Histogram.of(
        interval, request.from(), request.to(), periods, archiveCounts, matchCounts);
  }

  private static TreeMap<Long, Long> periodCounts(JsonNode histogram, Histogram.Interval interval) {
    TreeMap<Long, Long> counts = new TreeMap<>();
    for (JsonNode bucket : histogram.path("buckets")) {
      counts.merge(
          Histogram.period(bucket.path("key").asLong(), interval),
          bucket.path("doc_count").asLong(),
          Long::sum);
    }
    return counts;
  }
}
