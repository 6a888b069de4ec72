package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.ingest.DocumentIds;
import org.sandiq.testing.SearchableCorpus;

/**
 * Text in languages Sandiq has no rules of its own for is found by its words: a French or Italian
 * word after an elided article ({@code l'amour}, {@code dell'arte}) is the word, while a Turkic
 * name keeps its apostrophe suffix off ({@code İstanbul'da} is {@code İstanbul}).
 */
class OtherLanguagesSearchTest {
  @TempDir static Path dir;
  static SearchableCorpus corpus;

  static final String FRENCH = "fr/amour.txt";
  static final String ITALIAN = "it/arte.txt";
  static final String TURKISH = "tr/istanbul.txt";

  @BeforeAll
  static void buildIndex() throws Exception {
    corpus =
        SearchableCorpus.of(
            dir,
            Map.of(
                FRENCH,
                "Souvenirs\n\nL'amour de la ville et l’histoire d'Italie qu'il raconte dans ses"
                    + " lettres, écrites aujourd'hui à Marseille pour les enfants de l'école.",
                ITALIAN,
                "Ricordi\n\nLa storia dell'arte e un'altra idea della città, raccontate nell'opera"
                    + " di Firenze per gli studenti della scuola.",
                TURKISH,
                "Hatıra\n\nİstanbul'da yaşayan öğrenciler kitaplarını okudu ve şehrin tarihini"
                    + " anlattı."));
  }

  @AfterAll
  static void close() throws Exception {
    corpus.close();
  }

  static Set<String> ids(String query) {
    return corpus.ids(query);
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
    SearchResponse.Hit hit = corpus.search().search(SearchRequest.of("amour")).hits().get(0);
    assertTrue(hit.snippet().contains("<mark>L&#x27;amour</mark>"), hit.snippet());
  }

  @Test
  void aTurkicNameKeepsItsApostropheSuffixOff() {
    assertEquals(Set.of(DocumentIds.of(TURKISH)), ids("istanbul"));
  }
}
