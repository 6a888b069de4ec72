package org.sandiq.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.sandiq.index.Fields;

/**
 * Runs a query plan on a Lucene searcher to the requested page, as {@link PlannedSearch} lays the
 * steps out: the strict query, the relaxations when it finds too few, the page cut with copies of
 * one text collapsed, deeper rankings when collapsing left the page short. What the embedded
 * backend's search, facets, export and evaluation share, so each ranks exactly as the others.
 * Stateless apart from the limits; thread-safe.
 */
final class PageRanker {
  private final SearchLimits limits;

  PageRanker(SearchLimits limits) {
    this.limits = limits;
  }

  /**
   * A plan run to its page: the query that produced the hits (relaxed or not), the raw hits, the
   * page cut from them, and how many matched.
   */
  record Outcome(
      Query userQuery,
      FilteredQuery filtered,
      TopDocs top,
      HitPage<ScoreDoc> page,
      CollapseKeys keys,
      String relaxed) {
    long total() {
      return top.totalHits.value();
    }

    String totalRelation() {
      return top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? "eq" : "gte";
    }
  }

  /**
   * Runs {@code plan} (null: every document) under the request's filters: every word required,
   * then, when fewer than {@value PlannedSearch#HANDFUL} documents match on a first page, any word,
   * then any word with typos; and cuts the requested page, collapsing copies of one text when
   * {@code collapse} (not for evaluation, whose judgements name each copy by its id: a user sees
   * the other copies listed under the hit).
   */
  Outcome execute(IndexSearcher searcher, SearchRequest request, QueryPlan plan, boolean collapse)
      throws IOException {
    FieldDoc after =
        request.cursor() == null ? null : Cursors.decode(request.cursor(), request.sort());
    int fetch = PlannedSearch.fetchSize(request, limits.maxDepth());
    boolean collapsing = collapse && (plan == null || !plan.listsCaptures());
    Query user = plan == null ? null : plan.strict();
    FilteredQuery filtered = FilteredQuery.of(user, request);
    TopDocs top =
        hits(
            searcher,
            filtered.query(),
            request.sort(),
            after,
            fetch,
            limits.exactTotal(),
            collapsing);
    String relaxed = null;
    if (plan != null
        && !plan.listsCaptures()
        && after == null
        && top.totalHits.value() < PlannedSearch.HANDFUL
        && !searcher.timedOut()) {
      for (QueryBuilder.Mode mode : List.of(QueryBuilder.Mode.ANY, QueryBuilder.Mode.FUZZY)) {
        Query looserWords = plan.relaxed(mode);
        if (looserWords == null) {
          break; // beyond the limits: the strict answer stands
        }
        FilteredQuery looser = FilteredQuery.of(looserWords, request);
        TopDocs more;
        try {
          more =
              hits(
                  searcher,
                  looser.query(),
                  request.sort(),
                  null,
                  fetch,
                  limits.exactTotal(),
                  collapsing);
        } catch (IndexSearcher.TooManyClauses e) {
          // A long query's relaxed form (the strict words and the looser ones, expanded) is over
          // the clause limit though the query as typed is not: relaxing is a courtesy, so the
          // strict answer stands rather than the request being refused.
          break;
        }
        if (more.totalHits.value() > top.totalHits.value()) {
          top = more;
          user = looserWords;
          filtered = looser;
          relaxed = mode.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (top.totalHits.value() >= PlannedSearch.HANDFUL) {
          break;
        }
      }
    }
    int skip = after == null ? (request.page() - 1) * request.size() : 0;
    while (true) {
      boolean maybeMore = top.scoreDocs.length >= fetch;
      List<ScoreDoc> ranked = java.util.Arrays.asList(top.scoreDocs);
      // Read once for the page cut and again, for the shown hits' captures, when they are rendered.
      CollapseKeys keys = new CollapseKeys(searcher, ranked);
      HitPage<ScoreDoc> page =
          collapsing
              ? HitPage.cut(
                  ranked,
                  skip,
                  request.size(),
                  maybeMore,
                  keys,
                  after == null ? null : outranked(searcher, filtered, request))
              : HitPage.uncollapsed(ranked, skip, request.size(), maybeMore);
      int deeper =
          PlannedSearch.deeperFetch(
              fetch, page.distinct(), skip + request.size(), limits.maxDepth());
      if (!collapsing
          || page.entries().size() >= request.size()
          || !maybeMore
          || deeper == 0
          || searcher.timedOut()) {
        return new Outcome(user, filtered, top, page, keys, relaxed);
      }
      // Captures of one URL (or, sorted by date, copies of one text) collapsed away more of the
      // ranked hits than the margin allowed for: rank deeper. The total stays the first ranking's,
      // so this one need not count and prunes from the start.
      fetch = deeper;
      TopDocs more = hits(searcher, filtered.query(), request.sort(), after, fetch, 1, true);
      top = new TopDocs(top.totalHits, more.scoreDocs);
    }
  }

  /**
   * For a page after a cursor: a hit is outranked when the best hit of the same query restricted to
   * its key (text or URL) is another document ({@link FilteredQuery#within}: scores and the order,
   * ties by document number, are the main search's), so that other document came on an earlier
   * page.
   */
  private HitPage.Earlier<ScoreDoc> outranked(
      IndexSearcher searcher, FilteredQuery filtered, SearchRequest request) {
    return (hit, field, key) -> {
      Query same = filtered.within(field, key);
      TopDocs best = hits(searcher, same, request.sort(), null, 1, limits.exactTotal(), false);
      return best.scoreDocs.length > 0 && best.scoreDocs[0].doc != hit.doc;
    };
  }

  /**
   * The best {@code n} hits after {@code after}. Matches are counted exactly up to {@code
   * threshold} ({@link SearchLimits#exactTotal()}); past that, Lucene skips blocks that cannot make
   * the page (block-max WAND), as OpenSearch does past its {@code track_total_hits}. Ranked by
   * relevance with {@code collapse}, the hits are the best copies of the {@code n} best texts
   * ({@link CollapsedRanking}).
   */
  private TopDocs hits(
      IndexSearcher searcher,
      Query query,
      SearchRequest.SortOrder order,
      FieldDoc after,
      int n,
      int threshold,
      boolean collapse)
      throws IOException {
    Sort sort = sortOf(order);
    if (sort == null) {
      return collapse
          ? searcher.search(query, new CollapsedRanking(n, after, threshold))
          : searcher.search(query, new TopScoreDocCollectorManager(n, after, threshold));
    }
    TopFieldDocs top =
        searcher.search(query, new TopFieldCollectorManager(sort, n, after, threshold));
    TopFieldCollector.populateScores(top.scoreDocs, searcher, query);
    return top;
  }

  private static Sort sortOf(SearchRequest.SortOrder order) {
    return switch (order) {
      case RELEVANCE -> null;
      case NEWEST -> {
        SortField date = new SortField(Fields.DATE, SortField.Type.LONG, true);
        date.setMissingValue(Long.MIN_VALUE);
        yield new Sort(date, SortField.FIELD_SCORE);
      }
      case OLDEST -> {
        SortField date = new SortField(Fields.DATE, SortField.Type.LONG, false);
        date.setMissingValue(Long.MAX_VALUE);
        yield new Sort(date, SortField.FIELD_SCORE);
      }
      case CAPTURED -> {
        SortField captured = new SortField(Fields.CAPTURE_DATE, SortField.Type.LONG, true);
        captured.setMissingValue(Long.MIN_VALUE);
        yield new Sort(captured, SortField.FIELD_SCORE);
      }
    };
  }
}
