package org.sandiq.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sandiq.analysis.Tokens.Token;
import org.sandiq.testing.SharedData;

/**
 * The tap leaves a language's tokens as they were, and what it records lets every stem be marked:
 * for each token of a language analysis, the folded token at the same offsets is either the stem
 * itself or a word recorded for that stem.
 */
class StemFormsTest {
  private static final LanguageAnalyzers ANALYZERS = new LanguageAnalyzers();
  private static final StemForms FORMS = new StemForms();

  @AfterAll
  static void close() {
    ANALYZERS.close();
    FORMS.close();
  }

  @Test
  void theSamplesStemsAreEachTheFoldedWordOrRecordedForIt() throws IOException {
    for (String text : VariantStreamsTest.SAMPLES) {
      for (Language language : Language.values()) {
        check(language, text);
      }
    }
  }

  @Test
  void theSeedDocumentsStemsAreEachTheFoldedWordOrRecordedForIt() throws IOException {
    String text =
        Files.readString(SharedData.file("seed/000_7171e9ebea0e3f35.txt"), StandardCharsets.UTF_8);
    int aligned = 0;
    for (Language language : Language.values()) {
      aligned += check(language, text);
    }
    assertTrue(aligned > 2000, "aligned " + aligned);
  }

  @Test
  void recordsTheWordsOfStemsThatAreNotTheirFoldedSpelling() {
    StemForms.Recorder recorder = FORMS.begin();
    Tokens.all(recorder.text(Language.EN, "text_en", "Searching the search archives"));
    Tokens.all(recorder.text(Language.TR, "text_tr", "IĞDIR'dan gelen kitaplarını"));
    Set<String> pairs = new HashSet<>(Tokens.terms(recorder.pairs()));
    assertTrue(
        pairs.contains(StemForms.pair(Language.EN, "search", "searching")), pairs.toString());
    assertTrue(pairs.contains(StemForms.pair(Language.EN, "archiv", "archives")), pairs.toString());
    assertTrue(
        pairs.contains(StemForms.pair(Language.TR, "kitap", "kitaplarini")), pairs.toString());
    // "search" is its own folded spelling: no pair; the next document starts empty.
    assertEquals(5, pairs.size(), pairs.toString());
    assertEquals(List.of(), Tokens.terms(FORMS.begin().pairs()));
  }

  @Test
  void theNeutralFormIsTheFoldedAnalyzersTerm() {
    for (String word :
        List.of(
            "XANKƏNDİ'də",
            "Qarabağ'ı",
            "Bakı",
            "IĞDIR",
            "Ёлка",
            "Straße",
            "Ǆemal",
            "Résumé",
            "Don't",
            "L'Amour",
            "d’Italie",
            "qu'il",
            "l'aujourd'hui",
            "ARCHIVES")) {
      List<String> folded = Tokens.terms(ANALYZERS.folded(), "f", word);
      assertEquals(folded.get(0), StemForms.neutralForm(word), word);
    }
  }

  /**
   * Checks {@code text} in {@code language}: the tap changes no token, and each token whose offsets
   * a folded token shares has its stem among that folded token's words. Returns how many did.
   */
  private static int check(Language language, String text) {
    List<Token> plain = Tokens.all(ANALYZERS.forLanguage(language), "text", text);
    StemForms.Recorder recorder = FORMS.begin();
    List<Token> tapped = Tokens.all(recorder.text(language, "text", text));
    assertEquals(plain, tapped, language + ": " + text);
    Map<String, Set<String>> wordsOfStem = new HashMap<>();
    for (String pair : Tokens.terms(recorder.pairs())) {
      String[] parts = pair.split("\u001f");
      assertEquals(language.code(), parts[0], pair);
      BytesRef term = new BytesRef(pair);
      String word = StemForms.word(parts[1], term, StemForms.prefix(language, parts[1]).length);
      wordsOfStem.computeIfAbsent(parts[1], k -> new HashSet<>()).add(word);
    }
    Map<Integer, List<String>> foldedAt = new HashMap<>();
    for (Token t : Tokens.all(ANALYZERS.folded(), "f", text)) {
      foldedAt.computeIfAbsent(t.start() * 100_000 + t.end(), k -> new ArrayList<>()).add(t.term());
    }
    int aligned = 0;
    for (Token t : tapped) {
      List<String> folded = foldedAt.get(t.start() * 100_000 + t.end());
      if (folded == null) {
        continue;
      }
      Set<String> words = new HashSet<>(wordsOfStem.getOrDefault(t.term(), Set.of()));
      words.add(t.term());
      assertTrue(
          folded.stream().anyMatch(words::contains),
          language + ": " + t + " folded " + folded + " words " + words);
      aligned++;
    }
    return aligned;
  }
}
