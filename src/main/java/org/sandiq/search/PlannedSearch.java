package org.sandiq.search;

import java.util.List;
import java.util.Locale;
import org.apache.lucene.search.Query;

/**
 * A checked request and its query plan, as {@link SearchPlanner} made them: what every backend
 * runs, step by step, the same way. First the strict query (every word) under the filters; when it
 * finds fewer than {@value #HANDFUL} documents on a first page, each {@link #relaxations()
 * relaxation} in turn; then a page is cut, copies of one text collapsed unless the query lists the
 * captures of a URL.
 */
public final class PlannedSearch {
  /** Fewer hits than this and a word query is relaxed. */
  public static final int HANDFUL = 5;

  private final SearchRequest request;
  private final QueryPlan plan;

  PlannedSearch(SearchRequest request, QueryPlan plan) {
    this.request = request;
    this.plan = plan;
  }

  /** The request as planned (captures of a URL are listed newest capture first). */
  public SearchRequest request() {
    return request;
  }

  /** Whether the query has words (or a URL); an empty one browses every document. */
  public boolean hasQuery() {
    return plan != null;
  }

  /** Whether the query lists the captures of a URL: never relaxed, nothing collapsed. */
  public boolean listsCaptures() {
    return plan != null && plan.listsCaptures();
  }

  /** Whether the page collapses copies of one text and captures of one URL into one hit. */
  public boolean collapses() {
    return !listsCaptures();
  }

  /** Whether too few strict matches may relax the query (word queries on a first page). */
  public boolean mayRelax() {
    return plan != null && !plan.listsCaptures() && request.cursor() == null;
  }

  /** The query as typed, every word required; null for an empty query. */
  public Query strict() {
    return plan == null ? null : plan.strict();
  }

  /** The relaxations to try, in order: their names as responses give them. */
  public List<String> relaxations() {
    return List.of(QueryBuilder.Mode.ANY, QueryBuilder.Mode.FUZZY).stream()
        .map(mode -> mode.name().toLowerCase(Locale.ROOT))
        .toList();
  }

  /**
   * The query relaxed as {@code relaxation} names ({@code any}, {@code fuzzy}); null when that form
   * is beyond the request limits, and then no later relaxation is tried either.
   */
  public Query relaxed(String relaxation) {
    return plan.relaxed(QueryBuilder.Mode.valueOf(relaxation.toUpperCase(Locale.ROOT)));
  }

  /** {@code words} (null: every content document) under the request's filters. */
  public FilteredQuery filtered(Query words) {
    return FilteredQuery.of(words, request);
  }

  /**
   * Raw hits to fetch for the page: the page, with a margin for collapsed duplicates.
   *
   * @param maxDepth the deepest hit pages may reach
   */
  public int fetchSize(int maxDepth) {
    return fetchSize(request, maxDepth);
  }

  /** {@link #fetchSize(int)} of {@code request}, for a backend that holds the request alone. */
  static int fetchSize(SearchRequest request, int maxDepth) {
    int shown = request.cursor() != null ? request.size() : request.page() * request.size();
    return Math.min(shown * 2 + 20, 2 * maxDepth);
  }

  /**
   * Raw hits to rank next when a collapsed page came out short of its size while more hits may
   * exist, or 0 when {@code fetched} is already the most one request ranks ({@code 2 × maxDepth}).
   * A short page means copies of one text or captures of one URL took more of the ranked hits than
   * {@link #fetchSize}'s margin allowed for: a web archive that captured a page many times, whose
   * copies rank side by side. The next ranking goes twice as deep as the rate of distinct texts so
   * far says the page needs (at least twice as deep as before), so one more ranking usually fills
   * it: each costs a search, and a deeper one prunes less.
   *
   * @param fetched raw hits the short page was cut from
   * @param distinct distinct texts among them ({@link HitPage#distinct()})
   * @param wanted distinct texts the page needs, those of earlier numbered pages included
   * @param maxDepth the deepest hit pages may reach
   */
  public static int deeperFetch(int fetched, int distinct, int wanted, int maxDepth) {
    int most = 2 * maxDepth;
    if (fetched >= most) {
      return 0;
    }
    long needed =
        distinct == 0 ? 8L * fetched : (long) Math.ceil(2.0 * wanted * fetched / distinct);
    return (int) Math.min(Math.max(needed, 2L * fetched), most);
  }

  /** How many collapsed hits come before the page (none after a cursor). */
  public int skip() {
    return request.cursor() != null ? 0 : (request.page() - 1) * request.size();
  }

  QueryPlan plan() {
    return plan;
  }
}
