package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.index.Fields;

/**
 * Ranking that collapses copies while it collects keeps exactly what ranking every match and then
 * keeping each text's first hit keeps: the same documents, scores and order, over several segments,
 * in partitions, after a cursor, and with block-max pruning past the exact-total bound.
 */
class CollapsedRankingTest {
  private static final String[] WORDS = {"amber", "basalt", "cedar", "dune", "ember", "fjord"};

  @TempDir Path dir;

  @Test
  void keepsEachTextsBestAsAFullRankingWould() throws Exception {
    Random random = new Random(42);
    IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
    config.setMaxBufferedDocs(150); // several segments
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, config)) {
      for (int i = 0; i < 1200; i++) {
        // Texts repeat (many copies of a few, one of most), as captures of pages do; every
        // eleventh document has no key and is a text of its own.
        int text = random.nextInt(4) == 0 ? random.nextInt(5) : 5 + random.nextInt(400);
        Random words = new Random(text);
        StringBuilder body = new StringBuilder();
        for (int k = 0, n = 3 + words.nextInt(20); k < n; k++) {
          body.append(WORDS[words.nextInt(WORDS.length)]).append(' ');
        }
        Document d = new Document();
        d.add(new TextField("body", body.toString(), Field.Store.NO));
        if (i % 11 != 0) {
          d.add(new SortedDocValuesField(Fields.TEXT_HASH, new BytesRef("t" + text)));
        }
        writer.addDocument(d);
      }
    }
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      assertTrue(reader.leaves().size() > 1);
      keepsEachTextsBest(reader);
    }
    // One segment (a compacted index), cut into partitions: the slices tell texts apart by
    // ordinal alone.
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      writer.forceMerge(1);
    }
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      assertEquals(1, reader.leaves().size());
      keepsEachTextsBest(reader);
    }
  }

  private static void keepsEachTextsBest(DirectoryReader reader) throws Exception {
    try (SearchWorkers whole = new SearchWorkers(1, Integer.MAX_VALUE);
        SearchWorkers split = new SearchWorkers(3, 100)) {
      assertTrue(split.searcher(reader).getSlices().length > 1);
      Query either =
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term("body", "amber")), BooleanClause.Occur.SHOULD)
              .add(new TermQuery(new Term("body", "fjord")), BooleanClause.Occur.SHOULD)
              .build();
      Query one = new TermQuery(new Term("body", "cedar"));
      // Per segment, per partition, and every segment in one slice (a searcher without workers):
      // one collector then meets a text's copies in several segments.
      for (IndexSearcher searcher :
          List.of(whole.searcher(reader), split.searcher(reader), new IndexSearcher(reader))) {
        for (Query query : List.of(either, one)) {
          List<ScoreDoc> expected = firstOfEachText(searcher, reader, query);
          for (int n : List.of(1, 7, 40, 5000)) {
            for (int threshold : List.of(1, 100, 10_000)) {
              TopDocs got = searcher.search(query, new CollapsedRanking(n, null, threshold));
              assertSame(expected.subList(0, Math.min(n, expected.size())), got, n, threshold);
              if (threshold == 10_000) {
                assertEquals(TotalHits.Relation.EQUAL_TO, got.totalHits.relation());
                assertEquals(searcher.count(query), got.totalHits.value());
              }
            }
            // After a cursor: the texts whose best ranks below it (a text with a copy above it
            // may appear again; HitPage asks whether an earlier page showed it).
            ScoreDoc cursor = expected.get(Math.min(3, expected.size() - 1));
            TopDocs next = searcher.search(query, new CollapsedRanking(n, cursor, 100));
            for (ScoreDoc hit : next.scoreDocs) {
              assertTrue(
                  hit.score < cursor.score || (hit.score == cursor.score && hit.doc > cursor.doc));
            }
            if (n >= 5) {
              // At most the four texts above the cursor can have copies that outrank the best
              // text below it, so it is kept.
              int best = expected.get(4).doc;
              assertTrue(
                  List.of(next.scoreDocs).stream().anyMatch(h -> h.doc == best),
                  "the best text below the cursor is kept, n=" + n);
            }
          }
        }
      }
    }
  }

  /** Every match ranked, then each text's first (best) hit kept. */
  private static List<ScoreDoc> firstOfEachText(
      IndexSearcher searcher, DirectoryReader reader, Query query) throws Exception {
    TopDocs all =
        searcher.search(query, new TopScoreDocCollectorManager(reader.maxDoc(), Integer.MAX_VALUE));
    Set<String> seen = new HashSet<>();
    List<ScoreDoc> kept = new ArrayList<>();
    for (ScoreDoc hit : all.scoreDocs) {
      // A fresh view each time: a merged view only walks forwards.
      SortedDocValues keys = MultiDocValues.getSortedValues(reader, Fields.TEXT_HASH);
      String key =
          keys.advanceExact(hit.doc) ? keys.lookupOrd(keys.ordValue()).utf8ToString() : null;
      if (key == null || seen.add(key)) {
        kept.add(hit);
      }
    }
    return kept;
  }

  private static void assertSame(List<ScoreDoc> expected, TopDocs got, int n, int threshold) {
    String where = "n=" + n + " threshold=" + threshold;
    assertEquals(expected.size(), got.scoreDocs.length, where);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).doc, got.scoreDocs[i].doc, where + " rank " + i);
      assertEquals(expected.get(i).score, got.scoreDocs[i].score, where + " rank " + i);
    }
  }
}
