package org.sandiq.search;

import java.util.List;
import java.util.Map;

/**
 * The facet counts of a search, asked for apart from its hits ({@code GET /api/facets}), so the
 * page shows the hits without waiting for every match to be counted.
 *
 * @param query the query as given
 * @param total how many documents match, exactly
 * @param tookMs time spent counting, in milliseconds
 * @param facets for {@code lang}, {@code site}, {@code collection} and {@code year}: matching
 *     documents per value, most first; each dimension's counts honour every filter but its own
 * @param relaxed as in {@link SearchResponse#relaxed()}: the counts are those of the same relaxed
 *     query the hits came from
 * @param partial true when counting hit the time limit
 * @param histogram matching documents per period, with the archive's own count per period, when the
 *     request named an {@code interval}; else null
 */
public record FacetsResponse(
    String query,
    long total,
    long tookMs,
    Map<String, List<SearchResponse.FacetValue>> facets,
    String relaxed,
    boolean partial,
    Histogram histogram) {
  /** The facet dimensions, in the order responses list them. */
  public static final List<String> DIMENSIONS =
      List.of(
          org.sandiq.index.Fields.LANG,
          org.sandiq.index.Fields.SITE,
          org.sandiq.index.Fields.COLLECTION,
          org.sandiq.index.Fields.YEAR);

  /** Values returned per dimension, most documents first. */
  public static final int VALUES = 10;

  /** Every dimension with no values. */
  public static Map<String, List<SearchResponse.FacetValue>> emptyFacets() {
    Map<String, List<SearchResponse.FacetValue>> facets = new java.util.LinkedHashMap<>();
    DIMENSIONS.forEach(dim -> facets.put(dim, List.of()));
    return facets;
  }
}
