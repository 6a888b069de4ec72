package org.sandiq.search;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.sandiq.analysis.Detection;

/**
 * One user query, planned once per request: checked, its language detected once, parsed with every
 * word required, and, only when a search needs them, its relaxed forms (any word; any word with
 * typos) parsed from the same detection. {@link SearchService#search} and {@link
 * SearchService#rank} (what {@code eval retrieval} and the pinned figures measure) both run a plan
 * through the same steps, so the figures measure what users get.
 */
final class QueryPlan {
  /** How much more a strict match weighs than a relaxed one in a relaxed search. */
  static final float STRICT_FIRST = 10f;

  private final String text;
  private final Detection detection;
  private final QueryBuilder builder;
  private final Query strict;
  private final Map<QueryBuilder.Mode, Optional<Query>> relaxed =
      new EnumMap<>(QueryBuilder.Mode.class);

  QueryPlan(String text, Detection detection, QueryBuilder builder) {
    this.text = text;
    this.detection = detection;
    this.builder = builder;
    this.strict = builder.parse(text, QueryBuilder.Mode.ALL, detection);
  }

  private QueryPlan(String text, Query fixed) {
    this.text = text;
    this.detection = null;
    this.builder = null;
    this.strict = fixed;
  }

  /**
   * A plan that lists the captures of a URL (or prefix): never relaxed, copies never collapsed
   * (each capture is a hit of its own), no spelling suggestion.
   */
  static QueryPlan captures(String text, CaptureQuery captures) {
    return new QueryPlan(text, captures.query());
  }

  /** Whether this plan lists captures of a URL rather than searching words. */
  boolean listsCaptures() {
    return builder == null;
  }

  /** The query as typed. */
  String text() {
    return text;
  }

  /** The query's language, detected once. */
  Detection detection() {
    return detection;
  }

  /** Every word required: the query as typed. */
  Query strict() {
    return strict;
  }

  /**
   * The query relaxed to {@code mode}, ranking what the strict query finds first: relaxing should
   * add documents below the good ones, never bury them under near spellings. Null when that form is
   * beyond the request limits (a typo form has more clauses than the words as typed): relaxing is a
   * courtesy, so a query within the limits is answered as typed rather than refused.
   */
  Query relaxed(QueryBuilder.Mode mode) {
    return relaxed.computeIfAbsent(mode, this::relax).orElse(null);
  }

  private Optional<Query> relax(QueryBuilder.Mode mode) {
    Query looser;
    try {
      looser = builder.parse(text, mode, detection);
    } catch (InvalidRequestException e) {
      return Optional.empty(); // the strict form parsed, so only the limits can refuse this one
    }
    Query both =
        new BooleanQuery.Builder()
            .add(new BoostQuery(strict, STRICT_FIRST), BooleanClause.Occur.SHOULD)
            .add(looser, BooleanClause.Occur.SHOULD)
            .build();
    // A long query's two forms together may pass the limit though each is within it (sentences
    // pasted from a page whose words the strict form does not all find): then the looser form
    // alone, which finds what the strict one does anyway, only without ranking it first.
    return Optional.of(builder.withinClauseLimit(both) ? both : looser);
  }
}
