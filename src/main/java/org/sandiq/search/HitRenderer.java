package org.sandiq.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.sandiq.index.Fields;

/**
 * Turns a page of ranked hits into the hits a response shows: each hit's stored fields, capture
 * count, marked title and snippet. Thread-safe; the work of one page is spread over the search
 * workers.
 */
final class HitRenderer {
  /** A page is marked in shares of at least this many hits (each share is a highlighter pass). */
  private static final int MIN_HITS_PER_SHARE = 4;

  private final SearchWorkers workers;

  HitRenderer(SearchWorkers workers) {
    this.workers = workers;
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
  List<SearchResponse.Hit> render(
      IndexSearcher searcher,
      List<HitPage.Entry<ScoreDoc>> entries,
      Snippets.Marker marker,
      CollapseKeys keys)
      throws IOException {
    // Capture counts on this thread (the keys' doc values are not thread-safe), stored fields on
    // the workers.
    Map<Integer, Integer> captures = new HashMap<>();
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
}
