package org.sandiq.search;

/**
 * The limits that keep one request from taking the server down. Each is a setting of {@code sandiq
 * serve} (see README), and each, when exceeded, is a 400 that names the limit, except the time
 * limit, which returns the hits found so far flagged {@code "partial": true}.
 *
 * @param maxQueryChars longest query text
 * @param maxClauses most clauses (words × fields, after expansion) one query may have
 * @param maxExpansions most index terms one prefix, wildcard or fuzzy word may expand to
 * @param minPrefixChars fewest letters before a {@code *} or {@code ?}
 * @param maxPageSize most hits per page
 * @param maxDepth deepest hit page numbers reach (page × size); a cursor goes further
 * @param exactTotal matches counted exactly; past this many the total is "at least" ({@code
 *     totalRelation: "gte"}) and scoring may skip blocks of documents that cannot make the page
 *     (block-max WAND), as OpenSearch's {@code track_total_hits}
 * @param timeoutMillis time one search may take before it stops and answers with what it has
 */
public record SearchLimits(
    int maxQueryChars,
    int maxClauses,
    int maxExpansions,
    int minPrefixChars,
    int maxPageSize,
    int maxDepth,
    int exactTotal,
    long timeoutMillis) {

  /** The defaults: generous for people, tight for abuse. */
  public static final SearchLimits DEFAULT =
      new SearchLimits(1000, 1024, 64, 2, 100, 10_000, 10_000, 2000);

  public SearchLimits {
    if (maxQueryChars < 1
        || maxClauses < 1
        || maxExpansions < 1
        || minPrefixChars < 0
        || maxPageSize < 1
        || maxDepth < maxPageSize
        || exactTotal < 1
        || timeoutMillis < 1) {
      throw new IllegalArgumentException("every limit must be positive (and depth >= page size)");
    }
  }
}
