package org.sandiq.search;

/**
 * A search as a user asked for it.
 *
 * @param query the query text (empty: every document)
 * @param lang a language code to filter on, or null for all
 * @param page 1-based page number
 * @param size hits per page
 */
public record SearchRequest(String query, String lang, int page, int size) {
  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;

  /** Deepest hit a page may reach; deeper paging costs more than any reader needs. */
  public static final int MAX_DEPTH = 10_000;

  public SearchRequest {
    query = query == null ? "" : query;
  }

  /** A first page of {@link #DEFAULT_SIZE} hits in every language. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, null, 1, DEFAULT_SIZE);
  }
}
