package org.sandiq.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.sandiq.analysis.Language;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.DocumentMapper;
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

  /** Facet values returned per dimension. */
  static final int FACET_VALUES = 10;

  /** Fewer hits than this and the query is relaxed. */
  static final int HANDFUL = 5;

  static final List<String> FACET_DIMENSIONS = List.of(Fields.LANG, Fields.SITE, Fields.YEAR);

  private final AnalysisProfile profile;
  private final IndexReaders readers;
  private final SearchLimits limits;
  private final LongSupplier clock;
  private final QueryBuilder queries;
  private final Snippets snippets;
  private final DocumentLookup lookup;
  private final Suggestions suggestions;
  private final Autocomplete autocomplete;
  private final SearchWorkers workers =
      new SearchWorkers(Runtime.getRuntime().availableProcessors());
  private final FacetsConfig facetsConfig = DocumentMapper.facetsConfig();
  private final Object facetLock = new Object();
  private SortedSetDocValuesReaderState facetState;

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
    this.clock = nanoClock;
    Analyzer perField = analyzers.perField();
    this.readers = new IndexReaders(indexDir);
    this.limits = limits;
    this.profile = analyzers.profile();
    this.queries = new QueryBuilder(perField, limits, new LanguageDetector(), profile);
    this.snippets = new Snippets(perField);
    this.lookup = new DocumentLookup(perField);
    this.suggestions = new Suggestions(perField);
    this.autocomplete = new Autocomplete(analyzers.languages().folded());
  }

  /** One run of a query: its ranked hits, facet counts and how many documents matched. */
  private record Run(
      Query userQuery, TopDocs top, Map<String, Facets> facets, long total, int fetched) {}

  @Override
  public SearchResponse search(SearchRequest request) {
    long start = System.nanoTime();
    validate(request);
    FieldDoc after =
        request.cursor() == null ? null : Cursors.decode(request.cursor(), request.sort());
    String text = request.query().strip();
    IndexSearcher shared = readers.acquire();
    if (shared == null) {
      return new SearchResponse(
          request.query(),
          0,
          millisSince(start),
          request.page(),
          request.size(),
          List.of(),
          emptyFacets(),
          null,
          null,
          null,
          false);
    }
    // A searcher of its own over the shared reader, so this request's deadline is its own.
    IndexSearcher searcher = workers.searcher(shared.getIndexReader());
    searcher.setSimilarity(shared.getSimilarity());
    long deadline = clock.getAsLong() + limits.timeoutMillis() * 1_000_000;
    searcher.setTimeout(() -> clock.getAsLong() > deadline);
    try {
      Run run = run(searcher, request, text.isEmpty() ? null : queries.parse(text), after);
      String relaxed = null;
      if (!text.isEmpty() && after == null && run.total() < HANDFUL && !searcher.timedOut()) {
        for (QueryBuilder.Mode mode : List.of(QueryBuilder.Mode.ANY, QueryBuilder.Mode.FUZZY)) {
          Run looser =
              run(
                  searcher,
                  request,
                  keepStrictFirst(run.userQuery(), queries.parse(text, mode)),
                  null);
          if (looser.total() > run.total()) {
            run = looser;
            relaxed = mode.name().toLowerCase(java.util.Locale.ROOT);
          }
          if (run.total() >= HANDFUL) {
            break;
          }
        }
      }
      int skip = after == null ? (request.page() - 1) * request.size() : 0;
      HitPage page =
          HitPage.cut(
              searcher, run.top().scoreDocs, skip, request.size(), run.fetched() < run.total());
      Query userQuery = run.userQuery();
      List<SearchResponse.Hit> hits =
          workers.map(page.entries, entry -> hit(searcher, entry, userQuery));
      String suggestion =
          text.isEmpty() || searcher.timedOut()
              ? null
              : suggestion(searcher, request, text, run.total());
      return new SearchResponse(
          request.query(),
          run.total(),
          millisSince(start),
          request.page(),
          request.size(),
          hits,
          facets(run.facets()),
          suggestion,
          relaxed,
          page.continueAfter == null ? null : Cursors.encode(page.continueAfter, request.sort()),
          searcher.timedOut());
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidRequestException(
          "the query expands to too many terms: make prefixes and fuzzy words longer");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      readers.release(shared);
    }
  }

  private Run run(IndexSearcher searcher, SearchRequest request, Query userQuery, FieldDoc after)
      throws IOException {
    BooleanQuery.Builder base = new BooleanQuery.Builder();
    base.add(userQuery == null ? QueryBuilder.all() : userQuery, BooleanClause.Occur.MUST);
    base.add(QueryBuilder.contentDocuments(), BooleanClause.Occur.FILTER);
    Query dates = dateFilter(request);
    if (dates != null) {
      base.add(dates, BooleanClause.Occur.FILTER);
    }
    Map<String, String> filters = facetFilters(request);
    Query query = withFilters(base, filters, null);
    int fetch = fetchSize(request, after != null);
    Sort sort = sortOf(request.sort());
    SortedSetDocValuesReaderState state = facetState(searcher);
    if (state == null) {
      TopDocs top =
          sort == null
              ? searcher.searchAfter(after, query, fetch)
              : searcher.searchAfter(after, query, fetch, sort, true);
      return new Run(userQuery, top, Map.of(), top.totalHits.value(), fetch);
    }
    FacetsCollectorManager.FacetsResult result =
        sort == null
            ? FacetsCollectorManager.searchAfter(
                searcher, after, query, fetch, new FacetsCollectorManager())
            : FacetsCollectorManager.searchAfter(
                searcher, after, query, fetch, sort, true, new FacetsCollectorManager());
    Facets counts = new SortedSetDocValuesFacetCounts(state, result.facetsCollector());
    Map<String, Facets> byDimension = new LinkedHashMap<>();
    for (String dim : FACET_DIMENSIONS) {
      byDimension.put(dim, counts);
    }
    // Drill sideways: a filtered dimension is counted with every filter but its own, so the
    // other values stay visible with what they would give.
    for (String dim : filters.keySet()) {
      FacetsCollector sideways =
          searcher.search(withFilters(base, filters, dim), new FacetsCollectorManager());
      byDimension.put(dim, new SortedSetDocValuesFacetCounts(state, sideways));
    }
    return new Run(
        userQuery, result.topDocs(), byDimension, total(result.facetsCollector()), fetch);
  }

  /** The {@code from}/{@code to} range of the request as a query, or null when it has none. */
  private static Query dateFilter(SearchRequest request) {
    if (request.from() == null && request.to() == null) {
      return null;
    }
    long from =
        request.from() == null
            ? Long.MIN_VALUE
            : request.from().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    long to =
        request.to() == null
            ? Long.MAX_VALUE
            : request.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() - 1;
    return LongPoint.newRangeQuery(Fields.DATE, from, to);
  }

  /** The request's filters on facet dimensions (lang, site), by dimension. */
  private static Map<String, String> facetFilters(SearchRequest request) {
    Map<String, String> filters = new LinkedHashMap<>();
    if (request.lang() != null) {
      filters.put(Fields.LANG, request.lang());
    }
    if (request.site() != null) {
      filters.put(Fields.SITE, request.site());
    }
    return filters;
  }

  /**
   * Ranks as {@link #search} does with every word required, without snippets, facets, relaxation or
   * suggestions: for evaluation runs, which score thousands of queries.
   */
  @Override
  public List<RankedDocument> rank(SearchRequest request) {
    validate(request);
    String text = request.query().strip();
    Query user = text.isEmpty() ? null : queries.parse(text);
    return withSearcher(
        searcher -> {
          BooleanQuery.Builder base = new BooleanQuery.Builder();
          base.add(user == null ? QueryBuilder.all() : user, BooleanClause.Occur.MUST);
          base.add(QueryBuilder.contentDocuments(), BooleanClause.Occur.FILTER);
          Query dates = dateFilter(request);
          if (dates != null) {
            base.add(dates, BooleanClause.Occur.FILTER);
          }
          Query query = withFilters(base, facetFilters(request), null);
          ScoreDoc[] docs;
          try {
            docs = searcher.search(query, request.page() * request.size()).scoreDocs;
          } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidRequestException(
                "the query expands to too many terms: make prefixes and fuzzy words longer");
          }
          List<RankedDocument> ranked = new ArrayList<>();
          var stored = searcher.storedFields();
          for (int i = (request.page() - 1) * request.size(); i < docs.length; i++) {
            Document doc = stored.document(docs[i].doc, Set.of(Fields.ID, Fields.URL));
            ranked.add(new RankedDocument(doc.get(Fields.ID), doc.get(Fields.URL), docs[i].score));
          }
          return ranked;
        },
        List.of());
  }

  /** {@code base} with the facet filters, except the one on dimension {@code skip}. */
  private static Query withFilters(
      BooleanQuery.Builder base, Map<String, String> filters, String skip) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(base.build(), BooleanClause.Occur.MUST);
    filters.forEach(
        (dim, value) -> {
          if (!dim.equals(skip)) {
            query.add(new TermQuery(new Term(dim, value)), BooleanClause.Occur.FILTER);
          }
        });
    return query.build();
  }

  /** How much more a strict match weighs than a relaxed one in a relaxed search. */
  static final float STRICT_FIRST = 10f;

  /**
   * A relaxed query that still ranks what the strict one found first: relaxing should add documents
   * below the good ones, never bury them under near spellings.
   */
  private static Query keepStrictFirst(Query strict, Query relaxed) {
    return new BooleanQuery.Builder()
        .add(new BoostQuery(strict, STRICT_FIRST), BooleanClause.Occur.SHOULD)
        .add(relaxed, BooleanClause.Occur.SHOULD)
        .build();
  }

  /** Raw hits to fetch: the page, with a margin for collapsed duplicates. */
  private int fetchSize(SearchRequest request, boolean cursor) {
    int shown = cursor ? request.size() : request.page() * request.size();
    return Math.min(shown * 2 + 20, 2 * limits.maxDepth());
  }

  private static long total(FacetsCollector collector) {
    long total = 0;
    for (FacetsCollector.MatchingDocs docs : collector.getMatchingDocs()) {
      total += docs.totalHits();
    }
    return total;
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
    };
  }

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
    long better = run(searcher, request, queries.parse(rewrite.query()), null).total();
    return better > 0 && better >= total ? rewrite.query() : null;
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

  private SearchResponse.Hit hit(IndexSearcher searcher, HitPage.Entry entry, Query userQuery)
      throws IOException {
    return toHit(searcher, entry.doc(), entry.duplicates(), userQuery);
  }

  private SearchResponse.Hit toHit(
      IndexSearcher searcher, ScoreDoc scoreDoc, int duplicates, Query userQuery)
      throws IOException {
    Document doc = searcher.storedFields().document(scoreDoc.doc, DocumentLookup.STORED);
    String lang = doc.get(Fields.LANG);
    Language language = Language.fromCode(lang).orElse(Language.UND);
    String text = doc.get(Fields.TEXT) == null ? "" : doc.get(Fields.TEXT);
    String title = doc.get(Fields.TITLE) == null ? "" : doc.get(Fields.TITLE);
    return new SearchResponse.Hit(
        doc.get(Fields.ID),
        title,
        snippets.title(
            userQuery,
            title,
            highlighted(Fields.title(language), Fields.TITLE_FOLDED, Fields.TITLE_XSCRIPT)),
        doc.get(Fields.URL),
        doc.get(Fields.SITE),
        lang,
        DocumentLookup.date(doc),
        snippets.snippet(
            userQuery,
            text,
            highlighted(Fields.text(language), Fields.TEXT_FOLDED, Fields.TEXT_XSCRIPT)),
        Float.isNaN(scoreDoc.score) ? 0 : scoreDoc.score,
        duplicates);
  }

  /**
   * The fields to find marks in, in order, until one has a match: the language field, then
   * (multilingual) the folded one, then the cross-script one, so that {@code Xocalı} marks {@code
   * Khojaly} in an English text. A later field costs only when the earlier found nothing.
   */
  private List<String> highlighted(String languageField, String foldedField, String crossScript) {
    return profile == AnalysisProfile.STANDARD
        ? List.of(languageField)
        : List.of(languageField, foldedField, crossScript);
  }

  private static Map<String, List<SearchResponse.FacetValue>> emptyFacets() {
    Map<String, List<SearchResponse.FacetValue>> facets = new LinkedHashMap<>();
    FACET_DIMENSIONS.forEach(dim -> facets.put(dim, List.of()));
    return facets;
  }

  private static Map<String, List<SearchResponse.FacetValue>> facets(
      Map<String, Facets> countsByDimension) throws IOException {
    Map<String, List<SearchResponse.FacetValue>> facets = emptyFacets();
    for (String dim : FACET_DIMENSIONS) {
      Facets counts = countsByDimension.get(dim);
      if (counts == null) {
        continue;
      }
      FacetResult result;
      try {
        result = counts.getTopChildren(FACET_VALUES, dim);
      } catch (IllegalArgumentException e) {
        continue; // no document has this dimension yet (e.g. no dated documents)
      }
      if (result == null) {
        continue;
      }
      List<SearchResponse.FacetValue> values = new ArrayList<>();
      for (LabelAndValue lv : result.labelValues) {
        values.add(new SearchResponse.FacetValue(lv.label, lv.value.longValue()));
      }
      facets.put(dim, values);
    }
    return facets;
  }

  /** The facet ordinal map of the current reader, built once per reader (it costs a scan). */
  private SortedSetDocValuesReaderState facetState(IndexSearcher searcher) throws IOException {
    synchronized (facetLock) {
      if (facetState == null || facetState.getReader() != searcher.getIndexReader()) {
        try {
          facetState =
              new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), facetsConfig);
        } catch (IllegalArgumentException e) {
          return null; // no document has facet fields yet
        }
      }
      return facetState;
    }
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
          List<SearchResponse.Hit> hits = new ArrayList<>();
          for (ScoreDoc hit : lookup.similar(searcher, doc, limit).scoreDocs) {
            hits.add(toHit(searcher, hit, 0, null));
          }
          return Optional.of(hits);
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
