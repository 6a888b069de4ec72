package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.testing.Fixtures;

/**
 * A snippet stays a snippet whatever the text around a match looks like: one entry per line (no
 * spaces at all), a long run of words joined without whitespace, or a match only past the part of a
 * long text that is searched for passages. Each such hit once got the whole text as its snippet (a
 * list of 100,000 ids gave 2.7 MB for one hit).
 */
class LongTextSnippetsTest {
  /** Three passages of about {@value Snippets#PASSAGE_CHARS} characters, marks and separators. */
  private static final int MOST_SNIPPET_CHARS =
      Snippets.MAX_PASSAGES * (Snippets.PASSAGE_CHARS + 2 * PassageBreaks.LONGEST_RUN) + 100;

  @TempDir static Path dir;
  private static Path index;

  @BeforeAll
  static void buildIndex() throws Exception {
    Path corpus = dir.resolve("corpus");
    StringBuilder ids = new StringBuilder("Identifiers\n\n");
    StringBuilder joined = new StringBuilder("Joined words\n\n");
    for (int i = 0; i < 20_000; i++) {
      ids.append("collection/item-").append(100_000 + i).append('\n');
      joined.append("entry").append(i).append(',');
      if (i == 2_000) {
        ids.append("needle\n");
        joined.append("needle,");
      }
    }
    Fixtures.write(corpus, "ids.txt", ids.toString());
    Fixtures.write(corpus, "joined.txt", joined.toString());
    String filler = "An ordinary sentence about the harbour and its ships. ";
    StringBuilder longText = new StringBuilder("Harbour records\n\n");
    while (longText.length() < Snippets.MAX_HIGHLIGHTED_CHARS + 20_000) {
      longText.append(filler);
    }
    longText.append("Only here the word lighthouse appears. ").append(filler.repeat(10));
    Fixtures.write(corpus, "long.txt", longText.toString());
    index = dir.resolve("index");
    assertTrue(Fixtures.reindex(corpus, index, true).succeeded());
  }

  private static SearchResponse search(String query) throws Exception {
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(index, new FieldAnalyzers(analyzers))) {
      return search.search(SearchRequest.of(query));
    }
  }

  @Test
  void aMatchWithNoSpaceNearItGetsPassagesOfTheUsualLength() throws Exception {
    SearchResponse response = search("needle");
    assertEquals(2, response.hits().size(), () -> response.hits().toString());
    for (SearchResponse.Hit hit : response.hits()) {
      assertTrue(hit.snippet().contains("<mark>needle</mark>"), hit.snippet());
      assertTrue(
          hit.snippet().length() <= MOST_SNIPPET_CHARS,
          () -> hit.snippet().length() + " characters: " + hit.snippet().substring(0, 400));
    }
  }

  @Test
  void aMatchPastTheSearchedPartShowsTheOpeningNotTheWholeText() throws Exception {
    SearchResponse response = search("lighthouse");
    assertEquals(1, response.hits().size(), () -> response.hits().toString());
    String snippet = response.hits().get(0).snippet();
    // The opening, as for a hit matched in its title only: the match is not in the searched part.
    assertTrue(snippet.startsWith("An ordinary sentence"), snippet);
    assertFalse(snippet.contains("<mark>"), snippet);
    assertTrue(snippet.length() <= 3 * Snippets.PASSAGE_CHARS, snippet);
  }

  @Test
  void theDocumentViewShowsTheWholeTextWhereAHitReadsItsHead() throws Exception {
    String id = search("lighthouse").hits().get(0).id();
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(index, new FieldAnalyzers(analyzers))) {
      String text = search.document(id).orElseThrow().text();
      assertTrue(text.length() > Snippets.MAX_HIGHLIGHTED_CHARS + 20_000, () -> "" + text.length());
      assertTrue(text.contains("Only here the word lighthouse appears."));
      assertTrue(text.startsWith("An ordinary sentence") || text.startsWith("Harbour"), text);
    }
  }
}
