package org.sandiq.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.index.Fields;
import org.sandiq.search.Autocomplete;
import org.sandiq.search.ExportSink;
import org.sandiq.search.FacetsResponse;
import org.sandiq.search.HitMarker;
import org.sandiq.search.HitPage;
import org.sandiq.search.IndexHealth;
import org.sandiq.search.PlannedSearch;
import org.sandiq.search.RankedDocument;
import org.sandiq.search.SearchLimits;
import org.sandiq.search.SearchPlanner;
import org.sandiq.search.SearchRequest;
import org.sandiq.search.SearchResponse;
import org.sandiq.search.SearchService;
import org.sandiq.search.StoredDocument;
import org.sandiq.search.Suggestions;

/**
 * {@link SearchService} over an OpenSearch cluster holding an index Sandiq built ({@link
 * OpenSearchIndex}), searched through its alias. The request is planned by the same {@link
 * SearchPlanner} as embedded (the same checks, the same query language, the same fields and
 * weights, the same language detection), the planned Lucene queries are translated clause by clause
 * ({@link QueryDsl}), and the steps after the search are the embedded ones: relaxation when fewer
 * than {@value PlannedSearch#HANDFUL} documents match, the page cut and collapsed by {@link
 * HitPage}, hits marked by {@link HitMarker}, did-you-mean by {@link Suggestions} over the
 * cluster's words. What differs is said where it differs: facets on a sharded index ({@link
 * ClusterFacets}), cursors (the hit's sort values, no point in time: a cursor survives a reindex),
 * phrases with variant spellings ({@link QueryDsl}).
 */
public final class OpenSearchSearchService implements SearchService {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(OpenSearchSearchService.class);

  /**
   * The fields a ranked hit brings back from {@code _source}: all a hit shows but its text, which
   * is fetched for the shown hits only, once the page is cut ({@link ClusterSearch#pageExtras}): a
   * ranks twice its size and more to collapse copies, and the texts are most of the bytes.
   */
  static final Set<String> HIT_FIELDS =
      Set.of(
          Fields.ID,
          Fields.URL,
          Fields.TITLE,
          Fields.LANG,
          Fields.SITE,
          Fields.DATE,
          Fields.COLLECTION,
          Fields.CAPTURE_DATE,
          Fields.SOURCE,
          Fields.TEXT_HASH,
          Fields.URL_KEY);

  private static final Set<String> RANK_FIELDS =
      Set.of(Fields.ID, Fields.URL, Fields.TEXT_HASH, Fields.URL_KEY);

  private final ClusterClient cluster;
  private final String alias;
  private final SearchLimits limits;
  private final SearchPlanner planner;
  private final ClusterSearch search;
  private final ClusterPageRanker ranker;
  private final ClusterFacets facetCounts;
  private final ClusterDocuments documents;
  private final HitMarker marker;
  private final Suggestions suggestions;
  private final Autocomplete autocomplete;

  /**
   * @param cluster the connection (closed with this service)
   * @param alias the alias the index is searched through
   * @param analyzers the analysis the plugin gives the index (the query is analysed with it)
   */
  public OpenSearchSearchService(
      ClusterClient cluster, String alias, FieldAnalyzers analyzers, SearchLimits limits) {
    this.cluster = cluster;
    this.alias = alias;
    this.limits = limits;
    this.planner = new SearchPlanner(analyzers, limits);
    this.search = new ClusterSearch(cluster, alias, limits);
    this.ranker = new ClusterPageRanker(search, limits);
    this.facetCounts = new ClusterFacets(search);
    this.documents = new ClusterDocuments(search, alias);
    this.marker = new HitMarker(analyzers);
    this.suggestions = new Suggestions(analyzers);
    this.autocomplete = new Autocomplete(analyzers);
  }

  @Override
  public SearchResponse search(SearchRequest asked) {
    long start = System.nanoTime();
    PlannedSearch planned = planner.plan(asked);
    SearchRequest request = planned.request();
    try {
      ClusterPageRanker.Outcome outcome = ranker.execute(planned, true, HIT_FIELDS);
      long total = outcome.ranked().total();
      String relation = outcome.ranked().relation();
      boolean partial = outcome.ranked().partial();
      Map<String, List<SearchResponse.FacetValue>> facets = null;
      if (request.facets()) {
        ClusterFacets.Counts counts = facetCounts.count(outcome.filtered(), request);
        facets = counts.facets();
        total = counts.total();
        relation = "eq";
        partial |= counts.partial();
      }
      List<SearchResponse.Hit> hits =
          hits(outcome.page().entries(), outcome.words(), outcome.extras());
      String suggestion =
          !planned.hasQuery() || planned.listsCaptures() || partial
              ? null
              : suggestion(request, total);
      ClusterHit last = outcome.page().continueAfter();
      return new SearchResponse(
          request.query(),
          total,
          relation,
          (System.nanoTime() - start) / 1_000_000,
          request.page(),
          request.size(),
          hits,
          facets,
          suggestion,
          outcome.relaxed(),
          last == null ? null : search.encode(last, request.sort()),
          partial);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<RankedDocument> rank(SearchRequest asked) {
    PlannedSearch planned = planner.plan(asked);
    try {
      ClusterPageRanker.Outcome outcome = ranker.execute(planned, false, RANK_FIELDS);
      List<RankedDocument> ranked = new ArrayList<>();
      for (HitPage.Entry<ClusterHit> entry : outcome.page().entries()) {
        ClusterHit hit = entry.hit();
        ranked.add(new RankedDocument(hit.text(Fields.ID), hit.text(Fields.URL), hit.score()));
      }
      return ranked;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public FacetsResponse facets(SearchRequest asked) {
    long start = System.nanoTime();
    PlannedSearch planned = planner.plan(asked.withFirstPage());
    SearchRequest request = planned.request();
    try {
      // Only the relaxation matters here: the page is not shown, so not collapsed.
      ClusterPageRanker.Outcome outcome = ranker.execute(planned, false, RANK_FIELDS);
      ClusterFacets.Counts counts = facetCounts.count(outcome.filtered(), request);
      return new FacetsResponse(
          request.query(),
          counts.total(),
          (System.nanoTime() - start) / 1_000_000,
          counts.facets(),
          outcome.relaxed(),
          counts.partial() || outcome.ranked().partial(),
          counts.histogram());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long export(SearchRequest asked, long max, boolean withText, ExportSink sink)
      throws IOException {
    PlannedSearch planned = planner.plan(asked.withFirstPage());
    // The same plan as the hits (relaxed when they were), then every match of it, streamed.
    ClusterPageRanker.Outcome outcome = ranker.execute(planned, false, RANK_FIELDS);
    return new ClusterExport(search, cluster, alias)
        .export(outcome.filtered().query(), max, withText, sink);
  }

  private List<SearchResponse.Hit> hits(
      List<HitPage.Entry<ClusterHit>> entries, Query words, ClusterSearch.PageExtras extras)
      throws IOException {
    if (extras == null) {
      List<ClusterHit> shown = new ArrayList<>();
      entries.forEach(entry -> shown.add(entry.hit()));
      extras = search.pageExtras(shown, Set.of());
    }
    Map<String, String> texts = extras.texts();
    Map<String, Integer> captures = extras.captures();
    List<SearchResponse.Hit> hits = new ArrayList<>(entries.size());
    for (HitPage.Entry<ClusterHit> entry : entries) {
      ClusterHit hit = entry.hit();
      String title = hit.text(Fields.TITLE) == null ? "" : hit.text(Fields.TITLE);
      String text = texts.getOrDefault(hit.text(Fields.ID), "");
      HitMarker.Marked marked = marker.mark(words, hit.text(Fields.LANG), title, text);
      String urlKey = hit.text(Fields.URL_KEY);
      hits.add(
          new SearchResponse.Hit(
              hit.text(Fields.ID),
              title,
              marked.titleHtml(),
              hit.text(Fields.URL),
              hit.text(Fields.SITE),
              hit.text(Fields.LANG),
              hit.instant(Fields.DATE),
              marked.snippet(),
              hit.score(),
              entry.duplicates(),
              hit.text(Fields.COLLECTION),
              hit.instant(Fields.CAPTURE_DATE),
              urlKey == null ? 1 : Math.max(1, captures.getOrDefault(urlKey, 1))));
    }
    return hits;
  }

  /** A query that finds more than the one typed, or null; checked by counting its matches. */
  private String suggestion(SearchRequest request, long total) {
    try {
      Suggestions.Rewrite rewrite =
          suggestions.rewrite(
              new ClusterVocabulary(search, alias), request.query().strip(), request.lang());
      if (rewrite == null) {
        return null;
      }
      long count = search.count(planner.strictUnderFilters(rewrite.query(), request));
      return count > 0 && count >= total ? rewrite.query() : null;
    } catch (IOException | RuntimeException e) {
      LOG.debug("no suggestion for {}", request.query(), e);
      return null; // a suggestion is a courtesy; it never fails a search
    }
  }

  @Override
  public List<StoredDocument.Related> captures(String url, int limit) {
    return unchecked(() -> documents.captures(url, limit));
  }

  @Override
  public Optional<StoredDocument> document(String id) {
    return unchecked(() -> documents.document(id));
  }

  @Override
  public Optional<List<SearchResponse.Hit>> similar(String id, int limit) {
    return unchecked(
        () -> {
          Optional<List<ClusterHit>> like = documents.similar(id, limit, HIT_FIELDS);
          if (like.isEmpty()) {
            return Optional.empty();
          }
          List<HitPage.Entry<ClusterHit>> entries = new ArrayList<>();
          like.get().forEach(hit -> entries.add(new HitPage.Entry<>(hit, 0)));
          return Optional.of(hits(entries, null, null));
        });
  }

  @Override
  public List<String> complete(String prefix, int limit) {
    if (prefix == null || prefix.length() > limits.maxQueryChars()) {
      return List.of();
    }
    return unchecked(
        () -> autocomplete.complete(documents.version(), documents::titles, prefix, limit));
  }

  @Override
  public void warmInBackground() {
    LanguageDetector.loadModelsInBackground(); // the cluster's index has the multilingual analysis
  }

  @Override
  public long documentCount() {
    return unchecked(() -> search.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_CONTENT))));
  }

  @Override
  public long indexSizeBytes() {
    return unchecked(
        () ->
            search
                .call("GET", "/" + alias + "/_stats/store", null)
                .path("_all")
                .path("total")
                .path("store")
                .path("size_in_bytes")
                .asLong());
  }

  @Override
  public IndexHealth health() {
    try {
      JsonNode health = cluster.json("GET", "/_cluster/health/" + alias + "?timeout=2s", null);
      String status = health.path("status").asText();
      String detail =
          "cluster "
              + health.path("cluster_name").asText()
              + " "
              + status
              + ", "
              + health.path("number_of_nodes").asInt()
              + " nodes, "
              + health.path("unassigned_shards").asInt()
              + " unassigned shards";
      return switch (status) {
        case "green" -> new IndexHealth("ok", detail);
        case "yellow" -> new IndexHealth("degraded", detail);
        default -> new IndexHealth("unavailable", detail);
      };
    } catch (IOException e) {
      return new IndexHealth("unavailable", "OpenSearch does not answer: " + e.getMessage());
    }
  }

  @Override
  public String backend() {
    return "opensearch";
  }

  @FunctionalInterface
  private interface ClusterTask<T> {
    T run() throws IOException;
  }

  private static <T> T unchecked(ClusterTask<T> task) {
    try {
      return task.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    cluster.close();
  }
}
