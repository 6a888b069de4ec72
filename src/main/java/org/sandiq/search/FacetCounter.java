package org.sandiq.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.IndexSearcher;
import org.sandiq.index.DocumentMapper;

/**
 * Counts the {@code lang}, {@code site} and {@code year} facets of every match of a query, and the
 * exact number of matches.
 *
 * <p>Counting visits every match, which is what stops a top-10 search from skipping documents that
 * cannot make the page (block-max WAND); so it is a step of its own, run only when a request asks
 * for facets ({@code facets=true}, or {@code /api/facets}, which the page fetches beside the hits).
 *
 * <p>Counts are drill-sideways: a filtered dimension is counted by a second pass without its own
 * filter, so clicking a language still shows the other languages' counts. (Lucene's {@code
 * DrillSideways} scorer does the same in one pass but cannot run under a search time limit, which
 * every search here has.) The ordinal map is built once per index reader.
 */
final class FacetCounter {
  /** Facet values returned per dimension. */
  static final int FACET_VALUES = FacetsResponse.VALUES;

  static final List<String> DIMENSIONS = FacetsResponse.DIMENSIONS;

  /**
   * Facet counts, the exact number of matches and, when asked for, the time histogram (else null).
   */
  record Counts(
      long total, Map<String, List<SearchResponse.FacetValue>> facets, Histogram histogram) {}

  private final FacetsConfig facetsConfig = DocumentMapper.facetsConfig();
  private final Object lock = new Object();
  private SortedSetDocValuesReaderState state;

  private final HistogramCounter histograms = new HistogramCounter();

  /**
   * Counts the facets of {@code query}'s matches and, when {@code request} names an interval, their
   * histogram, from the same collected matches (no second search).
   */
  Counts count(IndexSearcher searcher, FilteredQuery query, SearchRequest request)
      throws IOException {
    SortedSetDocValuesReaderState readerState = state(searcher);
    FacetsCollector all = searcher.search(query.query(), new FacetsCollectorManager());
    Histogram histogram =
        request.interval() == null
            ? null
            : histograms.count(searcher.getIndexReader(), all, request);
    if (readerState == null) {
      return new Counts(searcher.count(query.query()), empty(), histogram);
    }
    Facets counts = new SortedSetDocValuesFacetCounts(readerState, all);
    Map<String, Facets> byDimension = new LinkedHashMap<>();
    for (String dim : DIMENSIONS) {
      byDimension.put(dim, counts);
    }
    for (String dim : query.facetFilters().keySet()) {
      FacetsCollector sideways = searcher.search(query.without(dim), new FacetsCollectorManager());
      byDimension.put(dim, new SortedSetDocValuesFacetCounts(readerState, sideways));
    }
    long total = 0;
    for (FacetsCollector.MatchingDocs docs : all.getMatchingDocs()) {
      total += docs.totalHits();
    }
    return new Counts(total, values(byDimension), histogram);
  }

  /** Every dimension with no values. */
  static Map<String, List<SearchResponse.FacetValue>> empty() {
    return FacetsResponse.emptyFacets();
  }

  private static Map<String, List<SearchResponse.FacetValue>> values(
      Map<String, Facets> countsByDimension) throws IOException {
    Map<String, List<SearchResponse.FacetValue>> facets = empty();
    for (String dim : DIMENSIONS) {
      FacetResult result;
      try {
        result = countsByDimension.get(dim).getTopChildren(FACET_VALUES, dim);
      } catch (IllegalArgumentException e) {
        continue; // no document has this dimension yet (e.g. no dated documents)
      }
      if (result == null) {
        continue;
      }
      List<SearchResponse.FacetValue> values = new ArrayList<>();
      for (LabelAndValue lv : result.labelValues) {
        values.add(new SearchResponse.FacetValue(lv.label, lv.value.longValue()));
      }
      facets.put(dim, values);
    }
    return facets;
  }

  /** The facet ordinal map of the current reader, built once per reader (it costs a scan). */
  private SortedSetDocValuesReaderState state(IndexSearcher searcher) throws IOException {
    synchronized (lock) {
      if (state == null || state.getReader() != searcher.getIndexReader()) {
        try {
          state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), facetsConfig);
        } catch (IllegalArgumentException e) {
          return null; // no document has facet fields yet
        }
      }
      return state;
    }
  }
}
