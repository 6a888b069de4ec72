package org.sandiq.search;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.testing.Fixtures;

/**
 * Fuzz target for the query language: any text, through the real search path, may only fail as an
 * {@link InvalidRequestException}. {@code ./mvnw verify} replays the saved inputs (and every crash
 * found so far, as a regression test); {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class QueryFuzzTest {
  static Path dir;
  static LanguageAnalyzers analyzers;
  static LuceneSearchService search;

  @BeforeAll
  static void buildIndex() throws Exception {
    dir = Files.createTempDirectory("sandiq-query-fuzz");
    Path corpus = dir.resolve("corpus");
    Fixtures.write(corpus, "a.txt", "Tea\n\nThe tea of Lankaran and the caravans of Sheki, 2020.");
    Fixtures.write(corpus, "b.txt", "İngiltərə\n\nİngiltərə və Xocalı haqqında xəbərlər.");
    Fixtures.reindex(corpus, dir.resolve("index"), false);
    analyzers = new LanguageAnalyzers();
    search = new LuceneSearchService(dir.resolve("index"), new FieldAnalyzers(analyzers));
  }

  @AfterAll
  static void close() throws Exception {
    search.close();
    analyzers.close();
  }

  @FuzzTest(maxDuration = "5m")
  void anyQueryIsAnsweredOrRejectedClearly(FuzzedDataProvider data) {
    String lang = data.pickValue(new String[] {null, "az", "en", "xx"});
    int page = data.consumeInt(-2, 200);
    int size = data.consumeInt(-1, 120);
    String query = data.consumeRemainingAsString();
    try {
      search.search(new SearchRequest(query, lang, page, size));
    } catch (InvalidRequestException expected) {
      if (expected.getMessage() == null || expected.getMessage().isBlank()) {
        throw new AssertionError("a rejection without a reason", expected);
      }
    }
  }
}
