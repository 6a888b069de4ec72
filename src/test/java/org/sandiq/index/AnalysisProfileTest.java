package org.sandiq.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.reindex.ReindexReport;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.search.SearchRequest;
import org.sandiq.search.SearchResponse;
import org.sandiq.testing.Fixtures;

/** The standard analysis: recorded in the index, searched alike, never mixed with the other. */
class AnalysisProfileTest {
  @TempDir Path dir;

  private static ReindexReport reindex(
      Path corpus, Path index, boolean full, AnalysisProfile profile) throws IOException {
    return Fixtures.reindex(corpus, index, full, profile);
  }

  @Test
  void aStandardIndexIsRecordedAndSearchedWithTheStandardAnalyzer() throws Exception {
    Path corpus = dir.resolve("corpus");
    Path index = dir.resolve("index");
    Fixtures.write(corpus, "a.txt", "Running archives\n\nThe archives were running all night.");
    Fixtures.write(corpus, "b.txt", "Xocalı\n\nXocalı faciəsi haqqında qısa qeyd.");
    assertEquals(Optional.empty(), LuceneIndex.recordedProfile(index));
    reindex(corpus, index, true, AnalysisProfile.STANDARD);
    assertEquals(Optional.of(AnalysisProfile.STANDARD), LuceneIndex.recordedProfile(index));
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(
                index, new FieldAnalyzers(analyzers, AnalysisProfile.STANDARD))) {
      SearchResponse running = search.search(SearchRequest.of("\"running\""));
      assertEquals(1, running.total());
      SearchResponse.Hit hit = running.hits().get(0);
      assertEquals("und", hit.lang(), "no language detection");
      assertTrue(hit.snippet().contains("<mark>running</mark>"), hit.snippet());
      // No stemming: "run" is another word; no folding: "xocali" is not "xocalı".
      assertEquals(0, search.search(SearchRequest.of("\"run\"")).total());
      assertEquals(0, search.search(SearchRequest.of("\"xocali\"")).total());
      assertEquals(1, search.search(SearchRequest.of("xocalı")).total());
    }
  }

  @Test
  void anIncrementalRunKeepsTheRecordedAnalysisAndRefusesAnother() throws Exception {
    Path corpus = dir.resolve("corpus");
    Path index = dir.resolve("index");
    Fixtures.write(corpus, "a.txt", "Running archives\n\nThe archives were running all night.");
    reindex(corpus, index, true, AnalysisProfile.STANDARD);
    IOException refused =
        assertThrows(
            IOException.class, () -> reindex(corpus, index, false, AnalysisProfile.MULTILINGUAL));
    assertTrue(
        refused.getMessage().contains("was built with the standard analysis"),
        refused.getMessage());
    Fixtures.write(corpus, "c.txt", "More\n\nAnother running note.");
    assertEquals(1, reindex(corpus, index, false, AnalysisProfile.STANDARD).indexed());
    // A full rebuild may change it.
    reindex(corpus, index, true, AnalysisProfile.MULTILINGUAL);
    assertEquals(Optional.of(AnalysisProfile.MULTILINGUAL), LuceneIndex.recordedProfile(index));
  }
}
