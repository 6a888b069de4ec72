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
    String cursor) {
  public static final int DEFAULT_SIZE = 10;

  public SearchRequest {
    query = query == null ? "" : query;
    sort = sort == null ? SortOrder.RELEVANCE : sort;
  }

  /** A plain search: query, language filter and page, best hits first. */
  public SearchRequest(String query, String lang, int page, int size) {
    this(query, lang, null, null, null, SortOrder.RELEVANCE, page, size, null);
  }

  /** A first page of {@link #DEFAULT_SIZE} hits in every language. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, null, 1, DEFAULT_SIZE);
  }

  /** The order of hits. */
  public enum SortOrder {
    RELEVANCE,
    NEWEST,
    OLDEST;

    /** The order named {@code name} (case-insensitive). */
    public static SortOrder parse(String name) {
      for (SortOrder order : values()) {
        if (order.name().equalsIgnoreCase(name.strip())) {
          return order;
        }
      }
      throw new InvalidRequestException(
          "unknown sort '" + name + "': use relevance, newest or oldest");
    }
  }
}
