package org.sandiq.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.sandiq.index.Fields;
import org.sandiq.search.FilteredQuery;
import org.sandiq.search.HitPage;
import org.sandiq.search.InvalidRequestException;
import org.sandiq.search.PlannedSearch;
import org.sandiq.search.SearchLimits;
import org.sandiq.search.SearchRequest;

/**
 * Runs a planned search on the cluster to the requested page, as {@link PlannedSearch} lays the
 * steps out and as the embedded backend's {@code PageRanker} runs them: the strict query, the
 * relaxations when it finds too few, the page cut with copies of one text and captures of one URL
 * collapsed, deeper rankings when collapsing left the page short. What the cluster backend's
 * search, facets, export and evaluation share, so each ranks exactly as the others. Stateless apart
 * from the cluster search and the limits; thread-safe.
 */
final class ClusterPageRanker {
  private final ClusterSearch search;
  private final SearchLimits limits;

  ClusterPageRanker(ClusterSearch search, SearchLimits limits) {
    this.search = search;
    this.limits = limits;
  }

  /**
   * A plan run to its page: the words searched (relaxed or not), the page, counts, and what was
   * fetched for the shown hits with the copies (null for an uncollapsed page).
   */
  record Outcome(
      Query words,
      FilteredQuery filtered,
      ClusterSearch.Ranked ranked,
      HitPage<ClusterHit> page,
      String relaxed,
      ClusterSearch.PageExtras extras) {}

  /**
   * Runs {@code planned}: every word required, then, when fewer than {@value PlannedSearch#HANDFUL}
   * documents match on a first page, each relaxation; and cuts the page, collapsing copies of one
   * text and captures of one URL when {@code collapse}.
   */
  Outcome execute(PlannedSearch planned, boolean collapse, Set<String> fields) throws IOException {
    SearchRequest request = planned.request();
    JsonNode after =
        request.cursor() == null ? null : search.decode(request.cursor(), request.sort());
    int fetch = planned.fetchSize(limits.maxDepth());
    Query words = planned.strict();
    FilteredQuery filtered = planned.filtered(words);
    ClusterSearch.Ranked ranked =
        search.hits(filtered.query(), request.sort(), after, fetch, fields);
    String relaxed = null;
    if (planned.mayRelax() && ranked.total() < PlannedSearch.HANDFUL && !ranked.partial()) {
      for (String relaxation : planned.relaxations()) {
        Query looserWords = planned.relaxed(relaxation);
        if (looserWords == null) {
          break; // beyond the limits: the strict answer stands
        }
        FilteredQuery looser = planned.filtered(looserWords);
        ClusterSearch.Ranked more;
        try {
          more = search.hits(looser.query(), request.sort(), null, fetch, fields);
        } catch (InvalidRequestException e) {
          // Over the cluster's clause limit though the query as typed is not (as embedded): the
          // strict answer stands.
          break;
        }
        if (more.total() > ranked.total()) {
          ranked = more;
          words = looserWords;
          filtered = looser;
          relaxed = relaxation;
        }
        if (ranked.total() >= PlannedSearch.HANDFUL) {
          break;
        }
      }
    }
    boolean collapsing = collapse && planned.collapses();
    while (true) {
      boolean maybeMore = ranked.hits().size() >= fetch;
      ClusterSearch.PageExtras[] extras = {null};
      HitPage<ClusterHit> page =
          collapsing
              ? HitPage.cut(
                  ranked.hits(),
                  planned.skip(),
                  request.size(),
                  maybeMore,
                  keys(extras, fields.contains(Fields.TITLE)),
                  after == null ? null : earlier(filtered, request))
              : HitPage.uncollapsed(ranked.hits(), planned.skip(), request.size(), maybeMore);
      int deeper =
          PlannedSearch.deeperFetch(
              fetch, page.distinct(), planned.skip() + request.size(), limits.maxDepth());
      if (!collapsing
          || page.entries().size() >= request.size()
          || !maybeMore
          || deeper == 0
          || ranked.partial()) {
        return new Outcome(words, filtered, ranked, page, relaxed, extras[0]);
      }
      // Copies collapsed away more of the ranked hits than the margin allowed for: rank deeper.
      fetch = deeper;
      ranked = search.hits(filtered.query(), request.sort(), after, fetch, fields);
    }
  }

  /**
   * The collapse keys of hits, from their {@code _source}; the copies of the shown texts counted in
   * one request that also brings, when the hits are to be shown ({@code shown}), their texts and
   * the captures of their URLs.
   */
  private HitPage.Keys<ClusterHit> keys(ClusterSearch.PageExtras[] extras, boolean shown) {
    return new HitPage.Keys<>() {
      @Override
      public String text(ClusterHit hit) {
        return hit.text(Fields.TEXT_HASH);
      }

      @Override
      public String url(ClusterHit hit) {
        return hit.text(Fields.URL_KEY);
      }

      @Override
      public Map<String, Integer> copies(List<ClusterHit> page, Set<String> textKeys)
          throws IOException {
        if (!shown) {
          return textKeys.isEmpty() ? Map.of() : search.termCounts(Fields.TEXT_HASH, textKeys);
        }
        extras[0] = search.pageExtras(page, textKeys);
        return extras[0].copies();
      }
    };
  }

  /**
   * For a page after a cursor: a hit is outranked when the best hit of the same query restricted to
   * its key (text or URL) is another document (it was shown on an earlier page).
   */
  private HitPage.Earlier<ClusterHit> earlier(FilteredQuery filtered, SearchRequest request) {
    return (hit, field, key) -> {
      Query same = filtered.within(field, key);
      List<ClusterHit> best = search.hits(same, request.sort(), null, 1, Set.of(Fields.ID)).hits();
      return !best.isEmpty() && !best.get(0).text(Fields.ID).equals(hit.text(Fields.ID));
    };
  }
}
