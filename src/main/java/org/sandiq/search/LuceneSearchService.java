package org.sandiq.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.index.Fields;

/**
 * {@link SearchService} over a Lucene index folder. Thread-safe; one instance serves every request.
 * It sees a reindex (by this process or another) within about a second, without a restart, through
 * {@link IndexReaders}.
 *
 * <p>Facet counts for {@code lang}, {@code site} and {@code year} are drill-sideways: a filtered
 * dimension is counted by a second pass without its own filter, so clicking a language still shows
 * the other languages' counts. (Lucene's {@code DrillSideways} scorer does the same in one pass but
 * cannot run under a search time limit, which every search here has.) When all words together find
 * fewer than {@value PlannedSearch#HANDFUL} documents, the query is relaxed to any word, then to
 * typo-tolerant words, and the response says so.
 */
public final class LuceneSearchService implements SearchService {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(LuceneSearchService.class);

  private final AnalysisProfile profile;
  private final IndexReaders readers;
  private final SearchLimits limits;
  private final LongSupplier clock;
  private final QueryBuilder queries;
  private final SearchPlanner planner;
  private final Snippets snippets;
  private final DocumentLookup lookup;
  private final Suggestions suggestions;
  private final Autocomplete autocomplete;
  private final SearchWorkers workers;
  private final FacetCounter facetCounter = new FacetCounter();
  private final PageRanker ranker;
  private final HitRenderer renderer;

  /**
   * @param indexDir the index folder (it may not exist yet: searches then find nothing until a
   *     reindex creates it)
   */
  public LuceneSearchService(Path indexDir, FieldAnalyzers analyzers) throws IOException {
    this(indexDir, analyzers, SearchLimits.DEFAULT);
  }

  /**
   * @param indexDir the index folder (it may not exist yet)
   * @param limits what one request may ask for
   */
  public LuceneSearchService(Path indexDir, FieldAnalyzers analyzers, SearchLimits limits)
      throws IOException {
    this(indexDir, analyzers, limits, System::nanoTime);
  }

  /** As above, with the clock the time limit is measured by (tests move it forward). */
  LuceneSearchService(
      Path indexDir, FieldAnalyzers analyzers, SearchLimits limits, LongSupplier nanoClock)
      throws IOException {
    this(
        indexDir,
        analyzers,
        limits,
        nanoClock,
        new SearchWorkers(Runtime.getRuntime().availableProcessors()));
  }

  /** As above, on {@code workers} (tests split small segments into partitions). */
  LuceneSearchService(
      Path indexDir,
      FieldAnalyzers analyzers,
      SearchLimits limits,
      LongSupplier nanoClock,
      SearchWorkers workers)
      throws IOException {
    this.clock = nanoClock;
    this.workers = workers;
    Analyzer perField = analyzers.perField();
    this.readers = new IndexReaders(indexDir);
    this.limits = limits;
    this.profile = analyzers.profile();
    this.queries = new QueryBuilder(perField, limits, new LanguageDetector(), profile);
    this.planner = new SearchPlanner(queries, limits);
    this.snippets = new Snippets(perField, profile);
    this.lookup = new DocumentLookup(perField);
    this.suggestions = new Suggestions(perField);
    this.autocomplete = new Autocomplete(analyzers.languages().folded());
    this.ranker = new PageRanker(limits);
    this.renderer = new HitRenderer(workers);
  }

  @Override
  public SearchResponse search(SearchRequest asked) {
    long start = System.nanoTime();
    PlannedSearch planned = planner.plan(asked);
    SearchRequest request = planned.request();
    QueryPlan plan = planned.plan();
    IndexSearcher shared = readers.acquire();
    if (shared == null) {
      return new SearchResponse(
          request.query(),
          0,
          "eq",
          millisSince(start),
          request.page(),
          request.size(),
          List.of(),
          request.facets() ? FacetCounter.empty() : null,
          null,
          null,
          null,
          false);
    }
    IndexSearcher searcher = timedSearcher(shared);
    try {
      PageRanker.Outcome outcome = ranker.execute(searcher, request, plan, true);
      long total = outcome.total();
      String relation = outcome.totalRelation();
      Map<String, List<SearchResponse.FacetValue>> facets = null;
      if (request.facets()) {
        FacetCounter.Counts counts = facetCounter.count(searcher, outcome.filtered(), request);
        facets = counts.facets();
        total = counts.total();
        relation = "eq";
      }
      Snippets.Marker marker = snippets.marker(searcher, outcome.userQuery());
      List<SearchResponse.Hit> hits =
          renderer.render(searcher, outcome.page().entries(), marker, outcome.keys());
      String suggestion =
          plan == null || plan.listsCaptures() || searcher.timedOut()
              ? null
              : suggestion(searcher, request, request.query().strip(), total);
      ScoreDoc last = outcome.page().continueAfter();
      return new SearchResponse(
          request.query(),
          total,
          relation,
          millisSince(start),
          request.page(),
          request.size(),
          hits,
          facets,
          suggestion,
          outcome.relaxed(),
          last == null ? null : Cursors.encode(last, request.sort()),
          searcher.timedOut());
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyTerms();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      readers.release(shared);
    }
  }

  /**
   * Ranks exactly as {@link #search} does (the same plan, fields, weights and relaxation), but
   * without snippets, facets or suggestions, and with copies of one text left apart: for evaluation
   * runs, which score thousands of queries and judge each copy by its id.
   */
  @Override
  public List<RankedDocument> rank(SearchRequest asked) {
    PlannedSearch planned = planner.plan(asked);
    SearchRequest request = planned.request();
    QueryPlan plan = planned.plan();
    return withSearcher(
        shared -> {
          IndexSearcher searcher = timedSearcher(shared);
          PageRanker.Outcome outcome;
          try {
            outcome = ranker.execute(searcher, request, plan, false);
          } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyTerms();
          }
          List<RankedDocument> ranked = new ArrayList<>();
          var stored = searcher.storedFields();
          for (HitPage.Entry<ScoreDoc> entry : outcome.page().entries()) {
            Document doc = stored.document(entry.hit().doc, Set.of(Fields.ID, Fields.URL));
            float score = Float.isNaN(entry.hit().score) ? 0 : entry.hit().score;
            ranked.add(new RankedDocument(doc.get(Fields.ID), doc.get(Fields.URL), score));
          }
          return ranked;
        },
        List.of());
  }

  @Override
  public FacetsResponse facets(SearchRequest asked) {
    long start = System.nanoTime();
    PlannedSearch planned = planner.plan(asked);
    SearchRequest request = planned.request();
    QueryPlan plan = planned.plan();
    return withSearcher(
        shared -> {
          IndexSearcher searcher = timedSearcher(shared);
          try {
            PageRanker.Outcome outcome =
                ranker.execute(searcher, request.withFirstPage(), plan, true);
            FacetCounter.Counts counts = facetCounter.count(searcher, outcome.filtered(), request);
            return new FacetsResponse(
                request.query(),
                counts.total(),
                millisSince(start),
                counts.facets(),
                outcome.relaxed(),
                searcher.timedOut(),
                counts.histogram());
          } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyTerms();
          }
        },
        new FacetsResponse(
            request.query(),
            0,
            0,
            FacetCounter.empty(),
            null,
            false,
            request.interval() == null
                ? null
                : new Histogram(request.interval().code(), List.of())));
  }

  @Override
  public long export(SearchRequest asked, long max, boolean withText, ExportSink sink)
      throws IOException {
    PlannedSearch planned = planner.plan(asked);
    SearchRequest request = planned.request().withFirstPage();
    QueryPlan plan = planned.plan();
    IndexSearcher shared = readers.acquire();
    if (shared == null) {
      return 0;
    }
    try {
      // The same plan as the hits (relaxed when they were), then every match of it, streamed.
      PageRanker.Outcome outcome = ranker.execute(timedSearcher(shared), request, plan, false);
      return Exporter.export(shared, outcome.filtered().query(), max, withText, sink);
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyTerms();
    } finally {
      readers.release(shared);
    }
  }

  @Override
  public List<StoredDocument.Related> captures(String url, int limit) {
    String key = org.sandiq.index.CaptureKeys.of(url);
    if (key == null) {
      return List.of();
    }
    return withSearcher(searcher -> DocumentLookup.captures(searcher, key, limit), List.of());
  }

  /** A searcher of its own over the shared reader, so this request's deadline is its own. */
  private IndexSearcher timedSearcher(IndexSearcher shared) {
    IndexSearcher searcher = workers.searcher(shared.getIndexReader());
    searcher.setSimilarity(shared.getSimilarity());
    long deadline = clock.getAsLong() + limits.timeoutMillis() * 1_000_000;
    searcher.setTimeout(() -> clock.getAsLong() > deadline);
    return searcher;
  }

  private static InvalidRequestException tooManyTerms() {
    return new InvalidRequestException(
        "the query expands to too many terms: make prefixes and fuzzy words longer");
  }

  /**
   * A query that finds more than the one typed (a misspelling corrected, or the real spelling of an
   * ASCII-typed word), or null. Checked by counting its matches, never by a second full search.
   */
  private String suggestion(IndexSearcher searcher, SearchRequest request, String text, long total)
      throws IOException {
    Suggestions.Rewrite rewrite;
    try {
      rewrite = suggestions.rewrite(searcher, text, request.lang());
    } catch (RuntimeException e) {
      LOG.debug("no suggestion for {}", text, e);
      return null; // a suggestion is a courtesy; it never fails a search
    }
    if (rewrite == null) {
      return null;
    }
    // Never suggest a query that finds less than the one typed.
    Query better = FilteredQuery.of(queries.plan(rewrite.query()).strict(), request).query();
    long count = searcher.count(better);
    return count > 0 && count >= total ? rewrite.query() : null;
  }

  @Override
  public Optional<StoredDocument> document(String id) {
    return withSearcher(searcher -> lookup.document(searcher, id), Optional.empty());
  }

  @Override
  public Optional<List<SearchResponse.Hit>> similar(String id, int limit) {
    return withSearcher(
        searcher -> {
          int doc = DocumentLookup.docId(searcher, id);
          if (doc < 0) {
            return Optional.empty();
          }
          Snippets.Marker unmarked = snippets.marker(searcher, null);
          List<HitPage.Entry<ScoreDoc>> similar = new ArrayList<>();
          for (ScoreDoc hit : lookup.similar(searcher, doc, limit).scoreDocs) {
            similar.add(new HitPage.Entry<>(hit, 0));
          }
          CollapseKeys keys =
              new CollapseKeys(searcher, similar.stream().map(e -> e.hit()).toList());
          return Optional.of(renderer.render(searcher, similar, unmarked, keys));
        },
        Optional.empty());
  }

  @Override
  public List<String> complete(String prefix, int limit) {
    if (prefix == null || prefix.length() > limits.maxQueryChars()) {
      return List.of();
    }
    return withSearcher(searcher -> autocomplete.complete(searcher, prefix, limit), List.of());
  }

  @Override
  public long documentCount() {
    return withSearcher(searcher -> (long) searcher.count(QueryBuilder.contentDocuments()), 0L);
  }

  @Override
  public long indexSizeBytes() {
    return readers.sizeInBytes();
  }

  /** Picks up a new commit now rather than within the next second. */
  public void refresh() throws IOException {
    readers.refresh();
  }

  @FunctionalInterface
  private interface SearcherTask<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(SearcherTask<T> task, T whenNoIndex) {
    IndexSearcher searcher = readers.acquire();
    if (searcher == null) {
      return whenNoIndex;
    }
    try {
      return task.run(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      readers.release(searcher);
    }
  }

  @Override
  public void warmInBackground() {
    if (profile.detectsLanguages()) {
      LanguageDetector.loadModelsInBackground();
    }
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  @Override
  public void close() throws IOException {
    workers.close();
    readers.close();
  }
}
