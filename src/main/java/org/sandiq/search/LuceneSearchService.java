package org.sandiq.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.sandiq.analysis.Language;
import org.sandiq.index.DocumentMapper;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.index.Fields;

/**
 * {@link SearchService} over a Lucene index folder. Thread-safe; one instance serves every request.
 * It sees a reindex (by this process or another) within about a second, without a restart, through
 * {@link IndexReaders}.
 */
public final class LuceneSearchService implements SearchService {
  /** Facet values returned per dimension. */
  static final int FACET_VALUES = 10;

  private static final Set<String> STORED =
      Set.of(
          Fields.ID,
          Fields.URL,
          Fields.TITLE,
          Fields.TEXT,
          Fields.LANG,
          Fields.DATE,
          Fields.SITE,
          Fields.SOURCE);

  private final IndexReaders readers;
  private final QueryBuilder queries;
  private final Snippets snippets;
  private final FacetsConfig facetsConfig = DocumentMapper.facetsConfig();
  private final Object facetLock = new Object();
  private SortedSetDocValuesReaderState facetState;

  /**
   * @param indexDir the index folder (it may not exist yet: searches then find nothing until a
   *     reindex creates it)
   */
  public LuceneSearchService(Path indexDir, FieldAnalyzers analyzers) throws IOException {
    this.readers = new IndexReaders(indexDir);
    this.queries = new QueryBuilder(analyzers.perField());
    this.snippets = new Snippets(analyzers.perField());
  }

  @Override
  public SearchResponse search(SearchRequest request) {
    long start = System.nanoTime();
    validate(request);
    String text = request.query().strip();
    Query userQuery = text.isEmpty() ? null : queries.parse(text);
    BooleanQuery.Builder query = filtered(userQuery, request);
    int depth = request.page() * request.size();
    IndexSearcher searcher = readers.acquire();
    if (searcher == null) {
      return new SearchResponse(
          request.query(),
          0,
          millisSince(start),
          request.page(),
          request.size(),
          List.of(),
          Map.of(Fields.LANG, List.of(), Fields.SITE, List.of()));
    }
    try {
      FacetsCollectorManager.FacetsResult result =
          FacetsCollectorManager.search(
              searcher, query.build(), depth, new FacetsCollectorManager());
      TopDocs top = result.topDocs();
      List<SearchResponse.Hit> hits = new ArrayList<>();
      ScoreDoc[] docs = top.scoreDocs;
      for (int i = (request.page() - 1) * request.size(); i < docs.length; i++) {
        hits.add(hit(searcher, docs[i], userQuery));
      }
      Map<String, List<SearchResponse.FacetValue>> facets =
          facets(searcher, result.facetsCollector());
      return new SearchResponse(
          request.query(),
          top.totalHits.value(),
          millisSince(start),
          request.page(),
          request.size(),
          hits,
          facets);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidRequestException(
          "the query expands to too many terms: make prefixes and fuzzy words longer");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      readers.release(searcher);
    }
  }

  /** The user's query (null: every document) under the content and language filters. */
  private static BooleanQuery.Builder filtered(Query userQuery, SearchRequest request) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(userQuery == null ? QueryBuilder.all() : userQuery, BooleanClause.Occur.MUST);
    query.add(QueryBuilder.contentDocuments(), BooleanClause.Occur.FILTER);
    if (request.lang() != null) {
      query.add(new TermQuery(new Term(Fields.LANG, request.lang())), BooleanClause.Occur.FILTER);
    }
    return query;
  }

  @Override
  public List<RankedDocument> rank(SearchRequest request) {
    validate(request);
    String text = request.query().strip();
    Query query = filtered(text.isEmpty() ? null : queries.parse(text), request).build();
    IndexSearcher searcher = readers.acquire();
    if (searcher == null) {
      return List.of();
    }
    try {
      ScoreDoc[] docs = searcher.search(query, request.page() * request.size()).scoreDocs;
      List<RankedDocument> ranked = new ArrayList<>();
      var stored = searcher.storedFields();
      for (int i = (request.page() - 1) * request.size(); i < docs.length; i++) {
        Document doc = stored.document(docs[i].doc, Set.of(Fields.ID, Fields.URL));
        ranked.add(new RankedDocument(doc.get(Fields.ID), doc.get(Fields.URL), docs[i].score));
      }
      return ranked;
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidRequestException(
          "the query expands to too many terms: make prefixes and fuzzy words longer");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      readers.release(searcher);
    }
  }

  private static void validate(SearchRequest request) {
    if (request.page() < 1) {
      throw new InvalidRequestException("page must be 1 or more, not " + request.page());
    }
    if (request.size() < 1 || request.size() > SearchRequest.MAX_SIZE) {
      throw new InvalidRequestException(
          "size must be between 1 and " + SearchRequest.MAX_SIZE + ", not " + request.size());
    }
    if ((long) request.page() * request.size() > SearchRequest.MAX_DEPTH) {
      throw new InvalidRequestException(
          "page too deep: only the first "
              + SearchRequest.MAX_DEPTH
              + " hits can be paged through; narrow the query instead");
    }
    if (request.lang() != null && Language.fromCode(request.lang()).isEmpty()) {
      throw new InvalidRequestException(
          "unknown lang '" + request.lang() + "': use one of az, en, ru, tr, und");
    }
  }

  private SearchResponse.Hit hit(IndexSearcher searcher, ScoreDoc scoreDoc, Query userQuery)
      throws IOException {
    Document doc = searcher.storedFields().document(scoreDoc.doc, STORED);
    String lang = doc.get(Fields.LANG);
    String text = doc.get(Fields.TEXT);
    List<String> fields =
        List.of(Fields.text(Language.fromCode(lang).orElse(Language.UND)), Fields.TEXT_FOLDED);
    return new SearchResponse.Hit(
        doc.get(Fields.ID),
        doc.get(Fields.TITLE),
        doc.get(Fields.URL),
        doc.get(Fields.SITE),
        lang,
        date(doc),
        snippets.snippet(userQuery, text == null ? "" : text, fields),
        Float.isNaN(scoreDoc.score) ? 0 : scoreDoc.score);
  }

  private Map<String, List<SearchResponse.FacetValue>> facets(
      IndexSearcher searcher, FacetsCollector collector) throws IOException {
    Map<String, List<SearchResponse.FacetValue>> facets = new LinkedHashMap<>();
    SortedSetDocValuesReaderState state = facetState(searcher);
    SortedSetDocValuesFacetCounts counts =
        state == null ? null : new SortedSetDocValuesFacetCounts(state, collector);
    for (String dim : List.of(Fields.LANG, Fields.SITE)) {
      List<SearchResponse.FacetValue> values = new ArrayList<>();
      FacetResult result = counts == null ? null : counts.getTopChildren(FACET_VALUES, dim);
      if (result != null) {
        for (LabelAndValue lv : result.labelValues) {
          values.add(new SearchResponse.FacetValue(lv.label, lv.value.longValue()));
        }
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
    IndexSearcher searcher = readers.acquire();
    if (searcher == null) {
      return Optional.empty();
    }
    try {
      Query query =
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term(Fields.ID, id)), BooleanClause.Occur.MUST)
              .add(QueryBuilder.contentDocuments(), BooleanClause.Occur.FILTER)
              .build();
      TopDocs top = searcher.search(query, 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      Document doc = searcher.storedFields().document(top.scoreDocs[0].doc, STORED);
      return Optional.of(
          new StoredDocument(
              doc.get(Fields.ID),
              doc.get(Fields.URL),
              doc.get(Fields.TITLE),
              doc.get(Fields.TEXT),
              doc.get(Fields.LANG),
              date(doc),
              doc.get(Fields.SITE),
              doc.get(Fields.SOURCE)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      readers.release(searcher);
    }
  }

  @Override
  public long documentCount() {
    IndexSearcher searcher = readers.acquire();
    if (searcher == null) {
      return 0;
    }
    try {
      return searcher.count(QueryBuilder.contentDocuments());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      readers.release(searcher);
    }
  }

  /** Picks up a new commit now rather than within the next second. */
  public void refresh() throws IOException {
    readers.refresh();
  }

  private static String date(Document doc) {
    IndexableField field = doc.getField(Fields.DATE);
    return field == null || field.numericValue() == null
        ? null
        : Instant.ofEpochMilli(field.numericValue().longValue()).toString();
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  @Override
  public void close() throws IOException {
    readers.close();
  }
}
