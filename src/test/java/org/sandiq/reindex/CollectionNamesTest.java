package org.sandiq.reindex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.search.SearchRequest;
import org.sandiq.search.SearchResponse;
import org.sandiq.testing.Fixtures;

/** Collections are top folders, or the names the corpus's collections.properties gives them. */
class CollectionNamesTest {
  @TempDir Path dir;

  @Test
  void aConfigFileNamesFoldersAndTheRestKeepTheirFolderName() throws Exception {
    Path corpus = dir.resolve("corpus");
    Fixtures.write(corpus, "collections.properties", "# names\ncrawl2021 = Harbour crawl, 2021\n");
    Fixtures.write(corpus, "crawl2021/a.txt", "Harbour one\n\nThe harbour lights at night.");
    Fixtures.write(corpus, "donation/b.txt", "Harbour two\n\nThe harbour in the morning.");
    Fixtures.write(corpus, "c.txt", "Harbour three\n\nThe harbour at noon.");
    Fixtures.reindex(corpus, dir.resolve("index"), false);
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(dir.resolve("index"), new FieldAnalyzers(analyzers))) {
      SearchResponse r = search.search(SearchRequest.of("harbour"));
      Map<String, Long> counts = new HashMap<>();
      r.facets().get("collection").forEach(v -> counts.put(v.value(), v.count()));
      assertEquals(Map.of("Harbour crawl, 2021", 1L, "donation", 1L, "corpus", 1L), counts);
      SearchRequest named =
          new SearchRequest(
              "harbour",
              null,
              null,
              null,
              null,
              null,
              1,
              10,
              null,
              false,
              "Harbour crawl, 2021",
              null);
      assertEquals(1, search.search(named).total());
      assertEquals("Harbour crawl, 2021", search.search(named).hits().get(0).collection());
    }
  }
}
