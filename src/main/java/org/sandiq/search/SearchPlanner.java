package org.sandiq.search;

import org.apache.lucene.search.Query;
import org.sandiq.analysis.Language;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.index.FieldAnalyzers;

/**
 * Plans every search, whichever backend runs it: checks the request against the {@link
 * SearchLimits}, parses the query once (its language detected once) into Lucene queries over
 * Sandiq's fields, and decides how captures of a URL are listed. The embedded backend runs the plan
 * on its index; the OpenSearch backend translates the same queries into OpenSearch's query DSL, so
 * both search the same clauses with the same weights.
 */
public final class SearchPlanner {
  private final QueryBuilder queries;
  private final SearchLimits limits;

  /**
   * @param analyzers the analysis of the index searched (query words are analysed with it)
   * @param limits what one request may ask for
   */
  public SearchPlanner(FieldAnalyzers analyzers, SearchLimits limits) {
    this(
        new QueryBuilder(analyzers.perField(), limits, new LanguageDetector(), analyzers.profile()),
        limits);
  }

  SearchPlanner(QueryBuilder queries, SearchLimits limits) {
    this.queries = queries;
    this.limits = limits;
  }

  /** The limits requests are checked against. */
  public SearchLimits limits() {
    return limits;
  }

  /**
   * Checks {@code asked} and plans it.
   *
   * @throws InvalidRequestException when the query or a parameter is invalid
   */
  public PlannedSearch plan(SearchRequest asked) {
    validate(asked);
    String text = asked.query().strip();
    QueryPlan plan = planText(text);
    SearchRequest request =
        plan != null && plan.listsCaptures() && asked.sort() == SearchRequest.SortOrder.RELEVANCE
            ? asked.withSort(SearchRequest.SortOrder.CAPTURED) // captures: newest first
            : asked;
    return new PlannedSearch(request, plan);
  }

  /**
   * Every word of {@code text} required, under {@code request}'s filters: how a suggested query is
   * checked (it must find at least as much as the one typed).
   */
  public Query strictUnderFilters(String text, SearchRequest request) {
    return FilteredQuery.of(queries.plan(text).strict(), request).query();
  }

  /** The plan of {@code text}: none when empty, a capture listing for a URL, else the words. */
  private QueryPlan planText(String text) {
    if (text.isEmpty()) {
      return null;
    }
    if (text.length() > limits.maxQueryChars()) {
      return queries.plan(text); // refused there, with the limit named
    }
    CaptureQuery captures = CaptureQuery.parse(text);
    return captures == null ? queries.plan(text) : QueryPlan.captures(text, captures);
  }

  private void validate(SearchRequest request) {
    if (request.page() < 1) {
      throw new InvalidRequestException("page must be 1 or more, not " + request.page());
    }
    if (request.size() < 1 || request.size() > limits.maxPageSize()) {
      throw new InvalidRequestException(
          "size must be between 1 and " + limits.maxPageSize() + ", not " + request.size());
    }
    if (request.cursor() == null && (long) request.page() * request.size() > limits.maxDepth()) {
      throw new InvalidRequestException(
          "page too deep: pages reach the first "
              + limits.maxDepth()
              + " hits; go further with the cursor (nextCursor), or narrow the query");
    }
    if (request.lang() != null && Language.fromCode(request.lang()).isEmpty()) {
      throw new InvalidRequestException(
          "unknown lang '" + request.lang() + "': use one of az, en, ru, tr, und");
    }
    if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
      throw new InvalidRequestException(
          "from (" + request.from() + ") is after to (" + request.to() + ")");
    }
  }
}
