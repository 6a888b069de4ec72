package org.sandiq.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}, shaped as the HTTP API returns it.
 *
 * @param query the query as given
 * @param total how many documents match
 * @param tookMs time spent searching, in milliseconds
 * @param page the page returned
 * @param size the page size
 * @param hits the hits of this page, best first
 * @param facets for {@code lang} and {@code site}, matching documents per value, most first
 */
public record SearchResponse(
    String query,
    long total,
    long tookMs,
    int page,
    int size,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets) {

  /**
   * One matching document.
   *
   * @param snippet HTML-escaped text in which only {@code <mark>…</mark>} marks matches
   * @param date ISO-8601 instant, or null
   */
  public record Hit(
      String id,
      String title,
      String url,
      String site,
      String lang,
      String date,
      String snippet,
      float score) {}

  /** A facet value and how many matching documents have it. */
  public record FacetValue(String value, long count) {}
}
