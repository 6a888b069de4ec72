package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.testing.Fixtures;

/**
 * No query can make a search fail in any way but a clear {@link InvalidRequestException}: a seeded
 * generator builds thousands of queries from the syntax's own pieces (operators, quotes,
 * parentheses, field names, wildcards, odd Unicode) and runs each through the real search path.
 */
class QueryRobustnessTest {
  @TempDir static Path dir;
  static LanguageAnalyzers analyzers;
  static LuceneSearchService search;

  static final List<String> PIECES =
      List.of(
          "tea",
          "Xocalı",
          "İngiltərə",
          "Ходжалы",
          "東京",
          "\"",
          "(",
          ")",
          "-",
          "+",
          "OR",
          "AND",
          "NOT",
          "*",
          "?",
          "~",
          "~2",
          "^",
          ":",
          "title:",
          "site:",
          "lang:",
          "after:",
          "before:",
          "lang:az",
          "after:2020",
          "before:20x1",
          "/",
          "\\",
          "[",
          "]",
          "{",
          "}",
          "!",
          "&&",
          "||",
          "\u0000",
          "\uFFFF",
          "\uD83D\uDE00",
          "ﬁ",
          "a*b?c",
          "*x",
          "?x",
          "x~0.5",
          "\"a b\"~3",
          "http://x.y/z?q=1",
          "12:30",
          "'",
          "’",
          "  ",
          "\t",
          "é",
          "ǅ",
          "Ⅻ",
          "٣",
          "\u200B");

  @BeforeAll
  static void buildIndex() throws Exception {
    Path corpus = dir.resolve("corpus");
    Fixtures.write(corpus, "a.txt", "Tea\n\nThe tea of Lankaran, and the caravans of Sheki.");
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

  @Test
  void randomQueriesNeverFailExceptAsInvalidRequests() {
    Random random = new Random(20261125);
    int rejected = 0;
    for (int i = 0; i < 1000; i++) {
      StringBuilder q = new StringBuilder();
      int parts = 1 + random.nextInt(7);
      for (int p = 0; p < parts; p++) {
        q.append(PIECES.get(random.nextInt(PIECES.size())));
        if (random.nextBoolean()) {
          q.append(' ');
        }
      }
      try {
        SearchResponse response = search.search(SearchRequest.of(q.toString()));
        assertNotNull(response.hits());
      } catch (InvalidRequestException e) {
        rejected++;
        assertFalse(e.getMessage().isBlank(), "a rejection says why: " + q);
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
      }
    }
    assertTrue(rejected > 0 && rejected < 1000, "some queries are malformed, most are not");
  }
}
