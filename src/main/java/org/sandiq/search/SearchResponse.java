package org.sandiq.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}, shaped as the HTTP API returns it.
 *
 * @param query the query as given
 * @param total how many documents match: exact when {@code totalRelation} is {@code "eq"}; when it
 *     is {@code "gte"}, at least this many (counting stops at {@link SearchLimits#exactTotal()}
 *     unless facets were asked for, so the top hits need not wait for every match to be visited)
 * @param totalRelation {@code "eq"} or {@code "gte"}, as OpenSearch's {@code hits.total.relation}
 * @param tookMs time spent searching, in milliseconds
 * @param page the page returned
 * @param size the page size
 * @param hits the hits of this page, best first; copies of one text, and captures of one URL, are
 *     collapsed into one hit (except when the query lists the captures of a URL)
 * @param facets for {@code lang}, {@code site} and {@code year}: matching documents per value, most
 *     first; each dimension's counts honour every filter but its own; null unless asked for
 * @param suggestion a query that finds more (a likely misspelling, or the real spelling of an
 *     ASCII-typed word), or null
 * @param relaxed null when every word had to match; {@code "any"} when too few documents had all
 *     words and any word was enough; {@code "fuzzy"} when words were also matched with typos
 * @param nextCursor pass as {@code cursor} for the page after this one; null on the last page
 * @param partial true when the search hit its time limit: the hits and counts are what was found
 *     until then
 */
public record SearchResponse(
    String query,
    long total,
    String totalRelation,
    long tookMs,
    int page,
    int size,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    String suggestion,
    String relaxed,
    String nextCursor,
    boolean partial) {

  /**
   * One matching document.
   *
   * @param titleHtml the title, HTML-escaped, with query words in {@code <mark>}
   * @param snippet HTML-escaped text in which only {@code <mark>…</mark>} marks matches: up to
   *     three passages, joined by {@code " … "}
   * @param date ISO-8601 instant, or null
   * @param duplicates how many other documents have exactly this text (collapsed into this hit)
   * @param collection the collection it belongs to (the corpus folder it came from)
   * @param captureDate when the archive captured it (WARC-Date), ISO-8601, or null
   * @param captures how many captures of its URL the index holds, this one included (1 for loose
   *     files); list them with the query {@code url:} and its URL
   */
  public record Hit(
      String id,
      String title,
      String titleHtml,
      String url,
      String site,
      String lang,
      String date,
      String snippet,
      float score,
      int duplicates,
      String collection,
      String captureDate,
      int captures) {}

  /** A facet value and how many matching documents have it. */
  public record FacetValue(String value, long count) {}
}
