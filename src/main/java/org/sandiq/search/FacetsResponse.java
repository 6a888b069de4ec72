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
    Histogram histogram) {}
