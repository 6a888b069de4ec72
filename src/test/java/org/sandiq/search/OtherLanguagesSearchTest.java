package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.ingest.DocumentIds;
import org.sandiq.testing.Fixtures;

/**
 * Text in languages Sandiq has no rules of its own for is found by its words: a French or Italian
 * word after an elided article ({@code l'amour}, {@code dell'arte}) is the word, while a Turkic
 * name keeps its apostrophe suffix off ({@code İstanbul'da} is {@code İstanbul}).
 */
class OtherLanguagesSearchTest {
  @TempDir static Path dir;
  static LanguageAnalyzers analyzers;
  static LuceneSearchService search;

  static final String FRENCH = "fr/amour.txt";
  static final String ITALIAN = "it/arte.txt";
  static final String TURKISH = "tr/istanbul.txt";

  @BeforeAll
  static void buildIndex() throws Exception {
    Path corpus = dir.resolve("corpus");
    Fixtures.write(
        corpus,
        FRENCH,
        "Souvenirs\n\nL'amour de la ville et l’histoire d'Italie qu'il raconte dans ses lettres,"
            + " écrites aujourd'hui à Marseille pour les enfants de l'école.");
    Fixtures.write(
        corpus,
        ITALIAN,
        "Ricordi\n\nLa storia dell'arte e un'altra idea della città, raccontate nell'opera di"
            + " Firenze per gli studenti della scuola.");
    Fixtures.write(
        corpus,
        TURKISH,
        "Hatıra\n\nİstanbul'da yaşayan öğrenciler kitaplarını okudu ve şehrin tarihini anlattı.");
    assertTrue(Fixtures.reindex(corpus, dir.resolve("index"), false).succeeded());
    analyzers = new LanguageAnalyzers();
    search = new LuceneSearchService(dir.resolve("index"), new FieldAnalyzers(analyzers));
  }

  @AfterAll
  static void close() throws Exception {
    search.close();
    analyzers.close();
  }

  static Set<String> ids(String query) {
    return search.search(new SearchRequest(query, null, 1, 50)).hits().stream()
        .map(SearchResponse.Hit::id)
        .collect(Collectors.toSet());
  }

  @Test
  void aWordAfterAnElidedArticleIsFoundByItself() {
    for (String word : List.of("amour", "histoire", "Italie", "ecole", "école")) {
      assertEquals(Set.of(DocumentIds.of(FRENCH)), ids(word), word);
    }
    for (String word : List.of("arte", "altra", "opera")) {
      assertEquals(Set.of(DocumentIds.of(ITALIAN)), ids(word), word);
    }
  }

  @Test
  void aWordWithItsArticleFindsTheWord() {
    assertEquals(Set.of(DocumentIds.of(FRENCH)), ids("l'amour"));
    assertEquals(Set.of(DocumentIds.of(ITALIAN)), ids("dell’arte"));
  }

  @Test
  void theSnippetMarksTheWordWithItsArticle() {
    SearchResponse.Hit hit = search.search(SearchRequest.of("amour")).hits().get(0);
    assertTrue(hit.snippet().contains("<mark>L&#x27;amour</mark>"), hit.snippet());
  }

  @Test
  void aTurkicNameKeepsItsApostropheSuffixOff() {
    assertEquals(Set.of(DocumentIds.of(TURKISH)), ids("istanbul"));
  }
}
