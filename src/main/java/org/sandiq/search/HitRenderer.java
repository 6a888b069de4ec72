package org.sandiq.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.sandiq.index.Fields;
import org.sandiq.index.StoredText;

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
   * The page's hits ({@code keys}: those of hits they are among): the page split into shares, and
   * each share read and marked on one search worker: its hits' stored fields through one reader,
   * then one highlighter pass over them (the query's terms worked out once per share).
   *
   * <p>Why shares: marking is a third of a search, and one pass over the whole page runs on one
   * thread while the other cores idle on a quiet server. Split in two, a quiet server marks the
   * halves at once; a busy one marks them one after the other on the request's thread (no worker is
   * free), paying only the second pass's setup. Why one stored-fields reader per share: each reader
   * Lucene hands out is a fresh clone with its own decompression buffers, and a reader per hit was
   * a third of the bytes a search allocated (more garbage collections, and pauses in the slowest
   * requests).
   */
  List<SearchResponse.Hit> render(
      IndexSearcher searcher,
      List<HitPage.Entry<ScoreDoc>> entries,
      Snippets.Marker marker,
      CollapseKeys keys)
      throws IOException {
    // Capture counts on this thread (the keys' doc values are not thread-safe), the rest on the
    // workers.
    int[] captures = new int[entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      captures[i] = keys.captures(entries.get(i).hit().doc);
    }
    int shares = Math.max(1, Math.min(workers.threads(), entries.size() / MIN_HITS_PER_SHARE));
    List<int[]> parts = new ArrayList<>(shares);
    for (int s = 0; s < shares; s++) {
      parts.add(new int[] {s * entries.size() / shares, (s + 1) * entries.size() / shares});
    }
    List<List<SearchResponse.Hit>> rendered =
        workers.map(
            parts,
            part -> {
              StoredFields stored = searcher.storedFields();
              List<Read> read = new ArrayList<>(part[1] - part[0]);
              for (int i = part[0]; i < part[1]; i++) {
                HitPage.Entry<ScoreDoc> entry = entries.get(i);
                DocumentStoredFieldVisitor visitor = StoredText.headReader(DocumentLookup.STORED);
                stored.document(entry.hit().doc, visitor);
                Document doc = visitor.getDocument();
                read.add(new Read(entry.hit(), entry.duplicates(), doc, captures[i]));
              }
              List<Snippets.Marked> marks =
                  marker.markAll(
                      read.stream().mapToInt(r -> r.scoreDoc().doc).toArray(),
                      read.stream().map(Read::title).toArray(String[]::new),
                      read.stream().map(Read::text).toArray(String[]::new));
              List<SearchResponse.Hit> hits = new ArrayList<>(read.size());
              for (int i = 0; i < read.size(); i++) {
                hits.add(toHit(read.get(i), marks.get(i)));
              }
              return hits;
            });
    return rendered.stream().flatMap(List::stream).toList();
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
