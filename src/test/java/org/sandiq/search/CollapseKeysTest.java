package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.index.Fields;

/**
 * Keys and copy counts of a page's hits, on a real index of several segments with deletions: the
 * cases where reading a key per segment and counting by document frequency could go wrong.
 */
class CollapseKeysTest {
  @TempDir Path dir;

  private static Document doc(String id, String text, String url) {
    Document d = new Document();
    d.add(new StringField(Fields.KIND, Fields.KIND_CONTENT, Field.Store.NO));
    d.add(new StringField(Fields.ID, id, Field.Store.YES));
    for (String[] key : new String[][] {{Fields.TEXT_HASH, text}, {Fields.URL_KEY, url}}) {
      if (key[1] != null) {
        d.add(new StringField(key[0], key[1], Field.Store.NO));
        d.add(new SortedDocValuesField(key[0], new BytesRef(key[1])));
      }
    }
    return d;
  }

  @Test
  void keysAndCountsAcrossSegmentsSkipDeletedDocuments() throws Exception {
    IndexWriterConfig config =
        new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, config)) {
      // Segment 1: two captures of one page, one text under another URL, one loose file.
      writer.addDocument(doc("a1", "t-a", "example.org/a"));
      writer.addDocument(doc("a2", "t-a2", "example.org/a"));
      writer.addDocument(doc("b1", "t-b", "example.org/b"));
      writer.addDocument(doc("loose", "t-c", null));
      writer.commit();
      // Segment 2: a third capture of /a, a copy of b's text, and a capture deleted below.
      writer.addDocument(doc("a3", "t-a3", "example.org/a"));
      writer.addDocument(doc("b-copy", "t-b", "mirror.org/b"));
      writer.addDocument(doc("a-gone", "t-gone", "example.org/a"));
      writer.deleteDocuments(new Term(Fields.ID, "a-gone"));
      writer.commit();

      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertEquals(2, reader.leaves().size());
        IndexSearcher searcher = new IndexSearcher(reader);
        List<ScoreDoc> hits = new ArrayList<>();
        for (int d = 0; d < reader.maxDoc(); d++) {
          hits.add(new ScoreDoc(d, 1f));
        }
        CollapseKeys keys = new CollapseKeys(searcher, hits.reversed());
        // Doc numbers: a1 0, a2 1, b1 2, loose 3 | a3 4, b-copy 5, a-gone 6 (deleted).
        assertEquals("example.org/a", keys.url(hits.get(4)));
        assertEquals(keys.url(hits.get(0)), keys.url(hits.get(4)));
        assertEquals(keys.text(hits.get(2)), keys.text(hits.get(5)));
        assertNull(keys.url(hits.get(3)));
        assertEquals(3, keys.captures(0), "a1, a2, a3; the deleted capture is not counted");
        assertEquals(3, keys.captures(4));
        assertEquals(1, keys.captures(3), "a loose file is its own only capture");
        assertEquals(
            Map.of("t-b", 2, "t-c", 1),
            keys.copies(List.of(hits.get(2), hits.get(3)), Set.of("t-b", "t-c")));

        // The page cut collapses the copy of b's text in the other segment and the captures of /a.
        HitPage<ScoreDoc> page = HitPage.cut(hits.subList(0, 6), 0, 10, false, keys, null);
        assertEquals(
            List.of(0, 2, 3),
            page.entries().stream().map(e -> e.hit().doc).toList(),
            "one hit per URL and per text");
        assertEquals(1, page.entries().get(1).duplicates());
      }
    }
  }
}
