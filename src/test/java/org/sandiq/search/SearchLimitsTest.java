package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.testing.Fixtures;

/** Each limit of {@link SearchLimits}: a clear 400, or for time a flagged partial answer. */
class SearchLimitsTest {
  @TempDir static Path dir;
  static LanguageAnalyzers analyzers;
  static FieldAnalyzers fields;

  @BeforeAll
  static void buildIndex() throws Exception {
    Path corpus = dir.resolve("corpus");
    for (int i = 0; i < 30; i++) {
      Fixtures.write(
          corpus,
          "d" + i + ".txt",
          "Note " + i + "\n\nPomegranate pomelo pompous pomade " + i + " from Goychay" + i + ".");
    }
    Fixtures.reindex(corpus, dir.resolve("index"), false);
    analyzers = new LanguageAnalyzers();
    fields = new FieldAnalyzers(analyzers);
  }

  @AfterAll
  static void close() {
    analyzers.close();
  }

  static LuceneSearchService service(SearchLimits limits) throws Exception {
    return new LuceneSearchService(dir.resolve("index"), fields, limits);
  }

  static SearchLimits limits(
      int chars, int clauses, int expansions, int prefix, int size, int depth, long millis) {
    return new SearchLimits(chars, clauses, expansions, prefix, size, depth, 10_000, millis);
  }

  static String message(LuceneSearchService s, SearchRequest request) {
    return assertThrows(InvalidRequestException.class, () -> s.search(request)).getMessage();
  }

  @Test
  void queryLengthClausesAndPrefixes() throws Exception {
    try (LuceneSearchService s = service(limits(20, 30, 64, 3, 100, 10_000, 60_000))) {
      assertTrue(message(s, SearchRequest.of("x".repeat(21))).contains("at most 20"));
      assertEquals(30, s.search(SearchRequest.of("pomegranate")).total());
      assertTrue(message(s, SearchRequest.of("po*")).contains("at least 3 letters"));
      assertTrue(message(s, SearchRequest.of("p?m")).contains("at least 3 letters"));
      assertEquals(30, s.search(SearchRequest.of("pom*")).total());
    }
    try (LuceneSearchService s = service(limits(100, 35, 64, 3, 100, 10_000, 60_000))) {
      // An English word probes 7 fields (title and text in English, folded, cross-script, a
      // page's other text): six words exceed 35 clauses, five do not, and are answered as typed:
      // finding nothing, they would be relaxed, but their typo form (more clauses) is beyond the
      // limit and not tried.
      assertTrue(
          message(s, SearchRequest.of("one two three four five six")).contains("too complex"));
      assertEquals(0, s.search(SearchRequest.of("one two three four five")).hits().size());
    }
  }

  @Test
  void totalsAreExactUpToTheLimitThenAtLeast(@TempDir Path tmp) throws Exception {
    Path corpus = tmp.resolve("corpus");
    for (int i = 0; i < 300; i++) {
      Fixtures.write(corpus, "d" + i + ".txt", "Orchard " + i + "\n\nQuince and medlar, year " + i);
    }
    Fixtures.reindex(corpus, tmp.resolve("index"), false);
    SearchLimits exactToTen = new SearchLimits(1000, 1024, 64, 2, 100, 10_000, 10, 60_000);
    try (LuceneSearchService s =
        new LuceneSearchService(tmp.resolve("index"), fields, exactToTen)) {
      SearchRequest quince = SearchRequest.of("quince").withoutFacets();
      SearchResponse quick = s.search(quince);
      assertEquals("gte", quick.totalRelation());
      assertTrue(quick.total() >= 10 && quick.total() <= 300, "at least the limit, at most all");
      assertEquals(10, quick.hits().size(), "the page is complete");
      assertEquals(null, quick.facets());
      SearchResponse counted = s.search(SearchRequest.of("quince"));
      assertEquals("eq", counted.totalRelation());
      assertEquals(300, counted.total(), "facets count every match");
      assertEquals(300, s.facets(quince).total());
    }
  }

  @Test
  void pageSizeAndDepth() throws Exception {
    try (LuceneSearchService s = service(limits(1000, 1024, 64, 2, 5, 10, 60_000))) {
      assertTrue(message(s, new SearchRequest("pom*", null, 1, 6)).contains("between 1 and 5"));
      assertTrue(message(s, new SearchRequest("pom*", null, 3, 5)).contains("page too deep"));
      SearchResponse second = s.search(new SearchRequest("pom*", null, 2, 5));
      assertEquals(5, second.hits().size());
      assertTrue(second.nextCursor() != null, "the cursor goes on where pages stop");
    }
  }

  @Test
  void expansionsAreBounded() throws Exception {
    try (LuceneSearchService s = service(limits(1000, 1024, 1, 2, 100, 10_000, 2000))) {
      // goychay0 … goychay29 are 30 terms; one expansion keeps only one of them.
      assertTrue(s.search(SearchRequest.of("goychay*")).total() < 30);
    }
    try (LuceneSearchService s = service(SearchLimits.DEFAULT)) {
      assertEquals(30, s.search(SearchRequest.of("goychay*")).total());
    }
  }

  @Test
  void slowSearchAnswersPartially() throws Exception {
    AtomicLong now = new AtomicLong();
    // Every look at the clock moves it one second: the deadline passes during the search.
    try (LuceneSearchService s =
        new LuceneSearchService(
            dir.resolve("index"),
            fields,
            limits(1000, 1024, 64, 2, 100, 10_000, 500),
            () -> now.addAndGet(1_000_000_000L))) {
      SearchResponse response = s.search(SearchRequest.of("pomegranate"));
      assertTrue(response.partial());
      assertTrue(response.total() < 30, "stopped early");
    }
    try (LuceneSearchService s = service(SearchLimits.DEFAULT)) {
      assertFalse(s.search(SearchRequest.of("pomegranate")).partial());
    }
  }

  @Test
  void limitsMustBeSane() {
    assertThrows(IllegalArgumentException.class, () -> limits(0, 1, 1, 1, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> limits(1, 1, 1, 1, 10, 5, 1));
  }
}
