package org.sandiq.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.Bits;
import org.sandiq.index.Fields;

/**
 * The text and capture keys ({@link Fields#TEXT_HASH}, {@link Fields#URL_KEY}) of one page's raw
 * hits, and the number of documents sharing a key. Not thread-safe: one per request, used on the
 * request's thread.
 *
 * <p>Why not one doc-values lookup per hit: opening a segment's doc values costs more than reading
 * them, and a page asked that two or three times per hit (its text key, its URL key, its captures),
 * a fifth of a search on an archive whose records carry URLs. Here each key column is opened once
 * per segment, the hits' ordinals are read in document order, and an ordinal becomes a string only
 * when the page asks for it. Counting a key's documents is its document frequency (every document
 * with a key is a content document), walked past deleted documents only where a segment has some:
 * no query, so no weight and no fan-out to the search workers.
 */
final class CollapseKeys implements HitPage.Keys<ScoreDoc> {
  private final IndexSearcher searcher;
  private final int[] docs;
  private final Map<String, Column> columns = new HashMap<>();

  /**
   * @param hits the hits whose keys may be asked (other documents are not looked up)
   */
  CollapseKeys(IndexSearcher searcher, List<ScoreDoc> hits) {
    this.searcher = searcher;
    this.docs = hits.stream().mapToInt(h -> h.doc).sorted().distinct().toArray();
  }

  @Override
  public String text(ScoreDoc hit) throws IOException {
    return key(hit.doc, Fields.TEXT_HASH);
  }

  @Override
  public String url(ScoreDoc hit) throws IOException {
    return key(hit.doc, Fields.URL_KEY);
  }

  @Override
  public Map<String, Integer> copies(List<ScoreDoc> shown, Set<String> textKeys)
      throws IOException {
    Map<String, Integer> copies = new HashMap<>();
    for (String key : textKeys) {
      copies.put(key, Math.max(1, count(searcher.getIndexReader(), Fields.TEXT_HASH, key)));
    }
    return copies;
  }

  /** How many captures the URL of {@code doc} has in the index, this one included. */
  int captures(int doc) throws IOException {
    String key = key(doc, Fields.URL_KEY);
    return key == null ? 1 : Math.max(1, count(searcher.getIndexReader(), Fields.URL_KEY, key));
  }

  /** The value of key field {@code field} of {@code doc} (one of the hits), or null. */
  String key(int doc, String field) throws IOException {
    Column column = columns.get(field);
    if (column == null) {
      column = new Column(field);
      columns.put(field, column);
    }
    return column.get(doc);
  }

  /**
   * Documents whose key field {@code field} is {@code key}: only content documents carry keys, so
   * this is the number of live documents with that term.
   */
  static int count(IndexReader reader, String field, String key) throws IOException {
    Term term = new Term(field, key);
    int count = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum termsEnum = terms.iterator();
      if (!termsEnum.seekExact(term.bytes())) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      if (live == null) {
        count += termsEnum.docFreq();
        continue;
      }
      PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
      for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
        if (live.get(d)) {
          count++;
        }
      }
    }
    return count;
  }

  /** One key field of the hits: ordinals read once, in document order; strings on demand. */
  private final class Column {
    private final SortedDocValues[] values;
    private final int[] ords; // by position in docs; -1: no value
    private final int[] leafOf; // by position in docs
    private final Map<Long, String> resolved = new HashMap<>();

    Column(String field) throws IOException {
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      values = new SortedDocValues[leaves.size()];
      ords = new int[docs.length];
      leafOf = new int[docs.length];
      Arrays.fill(ords, -1);
      int leafIndex = -1;
      LeafReaderContext leaf = null;
      for (int i = 0; i < docs.length; i++) {
        int at = ReaderUtil.subIndex(docs[i], leaves);
        if (at != leafIndex) {
          leafIndex = at;
          leaf = leaves.get(at);
          values[at] = leaf.reader().getSortedDocValues(field);
        }
        leafOf[i] = at;
        SortedDocValues v = values[at];
        if (v != null && v.advanceExact(docs[i] - leaf.docBase)) {
          ords[i] = v.ordValue();
        }
      }
    }

    String get(int doc) throws IOException {
      int i = Arrays.binarySearch(docs, doc);
      if (i < 0) {
        throw new IllegalArgumentException("not one of the page's hits: " + doc);
      }
      if (ords[i] < 0) {
        return null;
      }
      int leaf = leafOf[i];
      long id = ((long) leaf << 32) | ords[i];
      String key = resolved.get(id);
      if (key == null) {
        key = values[leaf].lookupOrd(ords[i]).utf8ToString();
        resolved.put(id, key);
      }
      return key;
    }
  }
}
