package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.testing.Fixtures;

/**
 * A segment scored in partitions on several threads answers exactly as when it is scored whole: the
 * same hits in the same order with the same scores, snippets, copies, totals, facets and cursors.
 */
class PartitionedSearchTest {
  private static final String[] FRUIT = {"quince", "medlar", "pomelo", "loquat", "jujube"};

  @TempDir static Path dir;
  static LanguageAnalyzers analyzers;
  static FieldAnalyzers fields;

  @BeforeAll
  static void buildIndex() throws Exception {
    Path corpus = dir.resolve("corpus");
    for (int i = 0; i < 240; i++) {
      StringBuilder text = new StringBuilder("Orchard note " + (i % 17) + "\n\n");
      // Term frequencies that vary with i give distinct scores; every 7th text is a copy of
      // another, so pages collapse copies across partitions.
      int seed = i % 7 == 0 ? i / 7 : i;
      for (int k = 0; k <= seed % 9; k++) {
        text.append(FRUIT[(seed + k) % FRUIT.length]).append(' ');
      }
      text.append("grows in Goychay, year ").append(1990 + seed % 30).append('.');
      Fixtures.write(corpus, "c" + (i % 3) + "/d" + i + ".txt", text.toString());
    }
    Fixtures.reindex(corpus, dir.resolve("index"), true);
    analyzers = new LanguageAnalyzers();
    fields = new FieldAnalyzers(analyzers);
  }

  @AfterAll
  static void close() {
    analyzers.close();
  }

  private static LuceneSearchService service(SearchWorkers workers) throws Exception {
    return new LuceneSearchService(
        dir.resolve("index"), fields, SearchLimits.DEFAULT, System::nanoTime, workers);
  }

  @Test
  void theWorkersSplitALargeSegmentAndLeaveASmallOneWhole() throws Exception {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir.resolve("index")));
        SearchWorkers split = new SearchWorkers(4, 20);
        SearchWorkers whole = new SearchWorkers(4)) {
      assertEquals(reader.leaves().size(), whole.partitioned(reader.leaves()).length);
      assertTrue(split.partitioned(reader.leaves()).length > reader.leaves().size());
      int docs = 0;
      for (var slice : split.partitioned(reader.leaves())) {
        for (var partition : slice.partitions) {
          docs += partition.maxDocId - partition.minDocId;
        }
      }
      assertEquals(reader.maxDoc(), docs, "the partitions cover every document once");
    }
  }

  @Test
  void partitionsAnswerAsTheWholeSegmentDoes() throws Exception {
    List<SearchRequest> requests = new ArrayList<>();
    for (String q : List.of("quince", "quince medlar", "\"medlar pomelo\"", "lo*", "goychay")) {
      requests.add(SearchRequest.of(q));
      requests.add(new SearchRequest(q, null, 2, 10));
      requests.add(SearchRequest.of(q).withoutFacets());
    }
    requests.add(new SearchRequest("orchard", null, 3, 7));
    try (LuceneSearchService whole = service(new SearchWorkers(4, Integer.MAX_VALUE));
        LuceneSearchService split = service(new SearchWorkers(4, 20))) {
      for (SearchRequest request : requests) {
        SearchResponse a = whole.search(request);
        SearchResponse b = split.search(request);
        assertTrue(a.total() > 0, request.query());
        assertEquals(a.hits(), b.hits(), request.query());
        assertEquals(a.total(), b.total(), request.query());
        assertEquals(a.totalRelation(), b.totalRelation(), request.query());
        assertEquals(a.facets(), b.facets(), request.query());
        assertEquals(a.nextCursor(), b.nextCursor(), request.query());
        assertEquals(whole.facets(request).facets(), split.facets(request).facets());
      }
      // A cursor from the split search continues it as it continues the whole one.
      SearchRequest first = new SearchRequest("goychay", null, 1, 10);
      String cursor = split.search(first).nextCursor();
      assertNotNull(cursor);
      SearchRequest next =
          new SearchRequest("goychay", null, null, null, null, null, 1, 10, cursor);
      assertEquals(whole.search(next).hits(), split.search(next).hits());
    }
  }
}
