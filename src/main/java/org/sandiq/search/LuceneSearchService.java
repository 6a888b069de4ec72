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
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
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
 * fewer than {@value #HANDFUL} documents, the query is relaxed to any word, then to typo-tolerant
 * words, and the response says so.
 */
public final class LuceneSearchService implements SearchService {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(LuceneSearchService.class);

  /** A page is marked in shares of at least this many hits (each share is a highlighter pass). */
  private static final int MIN_HITS_PER_SHARE = 4;

  /** Fewer hits than this and the query is relaxed. */
  static final int HANDFUL = PlannedSearch.HANDFUL;

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
  }

  /**
   * A plan run to its page: the query that produced the hits (relaxed or not), the raw hits, the
   * page cut from them, and how many matched.
   */
  private record Outcome(
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
      Outcome outcome = execute(searcher, request, plan, true);
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
          hits(searcher, outcome.page().entries(), marker, outcome.keys());
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
          Outcome outcome;
          try {
            outcome = execute(searcher, request, plan, false);
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
            Outcome outcome = execute(searcher, request.withFirstPage(), plan, true);
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
      Outcome outcome = execute(timedSearcher(shared), request, plan, false);
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
    return withSearcher(
        searcher -> {
          SortField captured = new SortField(Fields.CAPTURE_DATE, SortField.Type.LONG, false);
          captured.setMissingValue(Long.MAX_VALUE);
          TopDocs top =
              searcher.search(
                  DocumentLookup.content(new CaptureQuery(key, false).query()),
                  limit,
                  new Sort(captured, new SortField(Fields.DATE, SortField.Type.LONG, false)));
          List<StoredDocument.Related> captures = new ArrayList<>();
          var stored = searcher.storedFields();
          for (ScoreDoc hit : top.scoreDocs) {
            Document d =
                stored.document(
                    hit.doc,
                    Set.of(Fields.ID, Fields.TITLE, Fields.URL, Fields.CAPTURE_DATE, Fields.DATE));
            String when = Exporter.instant(d, Fields.CAPTURE_DATE);
            captures.add(
                new StoredDocument.Related(
                    d.get(Fields.ID),
                    d.get(Fields.TITLE),
                    d.get(Fields.URL),
                    when != null ? when : DocumentLookup.date(d)));
          }
          return captures;
        },
        List.of());
  }

  /** A searcher of its own over the shared reader, so this request's deadline is its own. */
  private IndexSearcher timedSearcher(IndexSearcher shared) {
    IndexSearcher searcher = workers.searcher(shared.getIndexReader());
    searcher.setSimilarity(shared.getSimilarity());
    long deadline = clock.getAsLong() + limits.timeoutMillis() * 1_000_000;
    searcher.setTimeout(() -> clock.getAsLong() > deadline);
    return searcher;
  }

  /**
   * Runs {@code plan} (null: every document) under the request's filters: every word required,
   * then, when fewer than {@value #HANDFUL} documents match on a first page, any word, then any
   * word with typos; and cuts the requested page, collapsing copies of one text when {@code
   * collapse} (not for evaluation, whose judgements name each copy by its id: a user sees the other
   * copies listed under the hit).
   */
  private Outcome execute(
      IndexSearcher searcher, SearchRequest request, QueryPlan plan, boolean collapse)
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
        && top.totalHits.value() < HANDFUL
        && !searcher.timedOut()) {
      for (QueryBuilder.Mode mode : List.of(QueryBuilder.Mode.ANY, QueryBuilder.Mode.FUZZY)) {
        FilteredQuery looser = FilteredQuery.of(plan.relaxed(mode), request);
        TopDocs more =
            hits(
                searcher,
                looser.query(),
                request.sort(),
                null,
                fetch,
                limits.exactTotal(),
                collapsing);
        if (more.totalHits.value() > top.totalHits.value()) {
          top = more;
          user = plan.relaxed(mode);
          filtered = looser;
          relaxed = mode.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (top.totalHits.value() >= HANDFUL) {
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
   * its key (text or URL) is another document. The restriction is a filter, so scores and the order
   * (ties by document number) are the main search's: that other document came on an earlier page.
   */
  private HitPage.Earlier<ScoreDoc> outranked(
      IndexSearcher searcher, FilteredQuery filtered, SearchRequest request) {
    return (hit, field, key) -> {
      Query same =
          new BooleanQuery.Builder()
              .add(filtered.query(), BooleanClause.Occur.MUST)
              .add(new TermQuery(new Term(field, key)), BooleanClause.Occur.FILTER)
              .build();
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

  private static InvalidRequestException tooManyTerms() {
    return new InvalidRequestException(
        "the query expands to too many terms: make prefixes and fuzzy words longer");
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

  /** A hit's stored fields and capture count, read before the page is marked. */
  private record Read(ScoreDoc scoreDoc, int duplicates, Document doc, int captures) {
    String title() {
      return doc.get(Fields.TITLE) == null ? "" : doc.get(Fields.TITLE);
    }

    String text() {
      return doc.get(Fields.TEXT) == null ? "" : doc.get(Fields.TEXT);
    }
  }

  /**
   * The page's hits ({@code keys}: those of hits they are among): stored fields read on the search
   * workers, then the page marked in one highlighter pass per share of the workers (the query's
   * terms worked out once per share).
   *
   * <p>Why shares: marking is a third of a search, and one pass over the whole page runs on one
   * thread while the other cores idle on a quiet server. Split in two, a quiet server marks the
   * halves at once; a busy one marks them one after the other on the request's thread (no worker is
   * free), paying only the second pass's setup.
   */
  private List<SearchResponse.Hit> hits(
      IndexSearcher searcher,
      List<HitPage.Entry<ScoreDoc>> entries,
      Snippets.Marker marker,
      CollapseKeys keys)
      throws IOException {
    // Capture counts on this thread (the keys' doc values are not thread-safe), stored fields on
    // the workers.
    Map<Integer, Integer> captures = new java.util.HashMap<>();
    for (HitPage.Entry<ScoreDoc> entry : entries) {
      captures.put(entry.hit().doc, keys.captures(entry.hit().doc));
    }
    List<Read> read =
        workers.map(
            entries, e -> read(searcher, e.hit(), e.duplicates(), captures.get(e.hit().doc)));
    int shares = Math.max(1, Math.min(workers.threads(), read.size() / MIN_HITS_PER_SHARE));
    List<List<Read>> parts = new ArrayList<>(shares);
    for (int s = 0; s < shares; s++) {
      parts.add(read.subList(s * read.size() / shares, (s + 1) * read.size() / shares));
    }
    List<List<Snippets.Marked>> marked =
        workers.map(
            parts,
            part ->
                marker.markAll(
                    part.stream().mapToInt(r -> r.scoreDoc().doc).toArray(),
                    part.stream().map(Read::title).toArray(String[]::new),
                    part.stream().map(Read::text).toArray(String[]::new)));
    List<Snippets.Marked> marks = marked.stream().flatMap(List::stream).toList();
    List<SearchResponse.Hit> hits = new ArrayList<>(read.size());
    for (int i = 0; i < read.size(); i++) {
      hits.add(toHit(read.get(i), marks.get(i)));
    }
    return hits;
  }

  private static Read read(IndexSearcher searcher, ScoreDoc scoreDoc, int duplicates, int captures)
      throws IOException {
    Document doc = searcher.storedFields().document(scoreDoc.doc, DocumentLookup.STORED);
    return new Read(scoreDoc, duplicates, doc, captures);
  }

  private static SearchResponse.Hit toHit(Read read, Snippets.Marked marked) {
    Document doc = read.doc();
    ScoreDoc scoreDoc = read.scoreDoc();
    String title = read.title();
    return new SearchResponse.Hit(
        doc.get(Fields.ID),
        title,
        marked.titleHtml(),
        doc.get(Fields.URL),
        doc.get(Fields.SITE),
        doc.get(Fields.LANG),
        DocumentLookup.date(doc),
        marked.snippet(),
        Float.isNaN(scoreDoc.score) ? 0 : scoreDoc.score,
        read.duplicates(),
        doc.get(Fields.COLLECTION),
        Exporter.instant(doc, Fields.CAPTURE_DATE),
        read.captures());
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
          return Optional.of(hits(searcher, similar, unmarked, keys));
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

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  @Override
  public void close() throws IOException {
    workers.close();
    readers.close();
  }
}
