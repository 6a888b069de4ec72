package org.sandiq.search;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.sandiq.analysis.Language;
import org.sandiq.index.Fields;
import org.sandiq.index.StoredText;

/**
 * Everything about one document: its stored fields, the other captures of its URL, its exact
 * duplicates, and documents like it (Lucene's {@link MoreLikeThis} over its language field and the
 * folded field).
 */
final class DocumentLookup {
  /** At most this many captures or duplicates are listed. */
  static final int MAX_RELATED = 50;

  static final Set<String> STORED =
      Set.of(
          Fields.ID,
          Fields.URL,
          Fields.TITLE,
          Fields.TEXT,
          Fields.LANG,
          Fields.DATE,
          Fields.SITE,
          Fields.SOURCE,
          Fields.COLLECTION,
          Fields.CAPTURE_DATE);

  private static final Set<String> RELATED_FIELDS =
      Set.of(Fields.ID, Fields.TITLE, Fields.URL, Fields.DATE);

  private static final Set<String> CAPTURE_FIELDS =
      Set.of(Fields.ID, Fields.TITLE, Fields.URL, Fields.CAPTURE_DATE, Fields.DATE);

  private final Analyzer analyzer;

  DocumentLookup(Analyzer perFieldAnalyzer) {
    this.analyzer = perFieldAnalyzer;
  }

  /** The Lucene doc id of content document {@code id}, or -1. */
  static int docId(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(content(new TermQuery(new Term(Fields.ID, id))), 1);
    return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
  }

  Optional<StoredDocument> document(IndexSearcher searcher, String id) throws IOException {
    int doc = docId(searcher, id);
    if (doc < 0) {
      return Optional.empty();
    }
    Document d = searcher.storedFields().document(doc, STORED);
    // Captures share the normalised URL key (loose files have none: their path is their own).
    String urlKey = key(searcher, doc, Fields.URL_KEY);
    List<StoredDocument.Related> captures =
        urlKey == null
            ? List.of()
            : related(searcher, new TermQuery(new Term(Fields.URL_KEY, urlKey)));
    if (captures.size() < 2) {
      captures = List.of();
    }
    String textHash = key(searcher, doc, Fields.TEXT_HASH);
    List<StoredDocument.Related> duplicates =
        textHash == null
            ? List.of()
            : related(searcher, new TermQuery(new Term(Fields.TEXT_HASH, textHash))).stream()
                .filter(r -> !r.id().equals(id))
                .toList();
    return Optional.of(
        new StoredDocument(
            d.get(Fields.ID),
            d.get(Fields.URL),
            d.get(Fields.TITLE),
            StoredText.of(d),
            d.get(Fields.LANG),
            date(d),
            d.get(Fields.SITE),
            d.get(Fields.SOURCE),
            captures,
            duplicates));
  }

  /** Documents whose text is like document {@code doc}'s, best first, the document excluded. */
  TopDocs similar(IndexSearcher searcher, int doc, int limit) throws IOException {
    Document d = searcher.storedFields().document(doc, Set.of(Fields.TEXT, Fields.LANG, Fields.ID));
    String text = StoredText.of(d);
    Language language = Language.fromCode(d.get(Fields.LANG)).orElse(Language.UND);
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(analyzer);
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(1);
    mlt.setMaxQueryTerms(30);
    mlt.setMaxNumTokensParsed(20_000);
    BooleanQuery.Builder like = new BooleanQuery.Builder();
    for (String field : List.of(Fields.text(language), Fields.TEXT_FOLDED)) {
      mlt.setFieldNames(new String[] {field});
      like.add(mlt.like(field, new StringReader(text)), BooleanClause.Occur.SHOULD);
    }
    BooleanQuery.Builder query =
        new BooleanQuery.Builder()
            .add(like.build(), BooleanClause.Occur.MUST)
            .add(QueryBuilder.contentDocuments(), BooleanClause.Occur.FILTER)
            .add(
                new TermQuery(new Term(Fields.ID, d.get(Fields.ID))), BooleanClause.Occur.MUST_NOT);
    String textHash = key(searcher, doc, Fields.TEXT_HASH);
    if (textHash != null) {
      query.add(new TermQuery(new Term(Fields.TEXT_HASH, textHash)), BooleanClause.Occur.MUST_NOT);
    }
    return searcher.search(query.build(), limit);
  }

  /** The value of sorted doc-values field {@code field} of {@code doc}, or null. */
  static String key(IndexSearcher searcher, int doc, String field) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedDocValues values = leaf.reader().getSortedDocValues(field);
    if (values == null || !values.advanceExact(doc - leaf.docBase)) {
      return null;
    }
    return values.lookupOrd(values.ordValue()).utf8ToString();
  }

  /**
   * The captures of the page whose capture key ({@code CaptureKeys}) is {@code key}, oldest capture
   * first (documents without a capture date last, by date), at most {@code limit}.
   */
  static List<StoredDocument.Related> captures(IndexSearcher searcher, String key, int limit)
      throws IOException {
    SortField captured = new SortField(Fields.CAPTURE_DATE, SortField.Type.LONG, false);
    captured.setMissingValue(Long.MAX_VALUE);
    TopDocs top =
        searcher.search(
            content(new CaptureQuery(key, false).query()),
            limit,
            new Sort(captured, new SortField(Fields.DATE, SortField.Type.LONG, false)));
    List<StoredDocument.Related> captures = new ArrayList<>();
    var stored = searcher.storedFields();
    for (ScoreDoc hit : top.scoreDocs) {
      Document d = stored.document(hit.doc, CAPTURE_FIELDS);
      String when = Exporter.instant(d, Fields.CAPTURE_DATE);
      captures.add(
          new StoredDocument.Related(
              d.get(Fields.ID),
              d.get(Fields.TITLE),
              d.get(Fields.URL),
              when != null ? when : date(d)));
    }
    return captures;
  }

  private static List<StoredDocument.Related> related(IndexSearcher searcher, Query query)
      throws IOException {
    List<StoredDocument.Related> related = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(content(query), MAX_RELATED).scoreDocs) {
      Document d = searcher.storedFields().document(hit.doc, RELATED_FIELDS);
      related.add(
          new StoredDocument.Related(
              d.get(Fields.ID), d.get(Fields.TITLE), d.get(Fields.URL), date(d)));
    }
    related.sort(
        Comparator.comparing(
            StoredDocument.Related::date, Comparator.nullsLast(Comparator.naturalOrder())));
    return related;
  }

  static Query content(Query query) {
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(QueryBuilder.contentDocuments(), BooleanClause.Occur.FILTER)
        .build();
  }

  static String date(Document doc) {
    IndexableField field = doc.getField(Fields.DATE);
    return field == null || field.numericValue() == null
        ? null
        : Instant.ofEpochMilli(field.numericValue().longValue()).toString();
  }
}
