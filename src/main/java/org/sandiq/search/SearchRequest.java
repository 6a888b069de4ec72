package org.sandiq.search;

import java.time.LocalDate;

/**
 * A search as a user asked for it.
 *
 * @param query the query text (empty: every document)
 * @param lang a language code to filter on, or null for all
 * @param site a site to filter on, or null for all
 * @param from only documents dated on or after this day, or null
 * @param to only documents dated on or before this day, or null
 * @param sort the order of the hits
 * @param page 1-based page number (ignored when {@code cursor} is given)
 * @param size hits per page
 * @param cursor where the previous page ended ({@link SearchResponse#nextCursor()}), or null
 * @param facets whether to count facets (and the exact total) over every match: it costs a visit of
 *     every match, so the HTTP API does it only when asked; the shorter constructors ask for it
 * @param collection a collection to filter on, or null for all
 * @param interval the period of the time histogram counted with the facets, or null for none
 */
public record SearchRequest(
    String query,
    String lang,
    String site,
    LocalDate from,
    LocalDate to,
    SortOrder sort,
    int page,
    int size,
    String cursor,
    boolean facets,
    String collection,
    Histogram.Interval interval) {
  public static final int DEFAULT_SIZE = 10;

  public SearchRequest {
    query = query == null ? "" : query;
    sort = sort == null ? SortOrder.RELEVANCE : sort;
  }

  /** A search in every collection, without a histogram. */
  public SearchRequest(
      String query,
      String lang,
      String site,
      LocalDate from,
      LocalDate to,
      SortOrder sort,
      int page,
      int size,
      String cursor,
      boolean facets) {
    this(query, lang, site, from, to, sort, page, size, cursor, facets, null, null);
  }

  /** A search with facet counts. */
  public SearchRequest(
      String query,
      String lang,
      String site,
      LocalDate from,
      LocalDate to,
      SortOrder sort,
      int page,
      int size,
      String cursor) {
    this(query, lang, site, from, to, sort, page, size, cursor, true);
  }

  /** A plain search: query, language filter and page, best hits first, with facet counts. */
  public SearchRequest(String query, String lang, int page, int size) {
    this(query, lang, null, null, null, SortOrder.RELEVANCE, page, size, null);
  }

  /** The first page of this request (where relaxation is decided), with no cursor. */
  public SearchRequest withFirstPage() {
    return new SearchRequest(
        query, lang, site, from, to, sort, 1, size, null, facets, collection, interval);
  }

  /** This request without facet counts (as ranking for evaluation needs it). */
  public SearchRequest withoutFacets() {
    return new SearchRequest(
        query, lang, site, from, to, sort, page, size, cursor, false, collection, interval);
  }

  /** This request in another order. */
  public SearchRequest withSort(SortOrder order) {
    return new SearchRequest(
        query, lang, site, from, to, order, page, size, cursor, facets, collection, interval);
  }

  /** A first page of {@link #DEFAULT_SIZE} hits in every language. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, null, 1, DEFAULT_SIZE);
  }

  /** The order of hits. */
  public enum SortOrder {
    RELEVANCE,
    NEWEST,
    OLDEST,
    /** Newest capture first (WARC-Date): how captures of one URL are listed. */
    CAPTURED;

    /** The order named {@code name} (case-insensitive). */
    public static SortOrder parse(String name) {
      for (SortOrder order : values()) {
        if (order.name().equalsIgnoreCase(name.strip())) {
          return order;
        }
      }
      throw new InvalidRequestException(
          "unknown sort '" + name + "': use relevance, newest, oldest or captured");
    }
  }
}
