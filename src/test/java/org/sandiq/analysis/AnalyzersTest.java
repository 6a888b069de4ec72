package org.sandiq.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AnalyzersTest {
  private static final LanguageAnalyzers ANALYZERS = new LanguageAnalyzers();

  @AfterAll
  static void close() {
    ANALYZERS.close();
  }

  static List<String> terms(Analyzer analyzer, String text) {
    return Tokens.terms(analyzer, "f", text);
  }

  @Test
  void azerbaijaniUsesTurkicCasingAndDropsApostropheSuffixes() throws IOException {
    Analyzer az = ANALYZERS.forLanguage(Language.AZ);
    assertEquals(terms(az, "Bakı"), terms(az, "Bakı'da"));
    assertEquals(terms(az, "Bakı"), terms(az, "BAKI"));
    // Dotted and dotless I: İ -> i, I -> ı (String.toLowerCase() without a locale gets this wrong).
    assertEquals(terms(az, "ilham ığdır"), terms(az, "İLHAM IĞDIR"));
    assertEquals(terms(az, "xankəndi"), terms(az, "XANKƏNDİ"));
  }

  @Test
  void azerbaijaniDropsStopWords() throws IOException {
    Analyzer az = ANALYZERS.forLanguage(Language.AZ);
    assertEquals(List.of("kitab", "oxu"), terms(az, "və bu kitab oxudum"));
  }

  @Test
  void foldedFieldMatchesAsciiTypingOfAzerbaijaniAndTurkish() throws IOException {
    Analyzer folded = ANALYZERS.folded();
    for (String form : List.of("Xankəndi", "XANKƏNDİ", "xankendi", "XANKENDI")) {
      assertEquals("xankendi", terms(folded, form).get(0), form);
    }
    for (String form : List.of("İngiltərə", "ingiltərə", "INGILTERE", "İngiltere")) {
      assertEquals("ingiltere", terms(folded, form).get(0), form);
    }
    assertEquals(List.of("soyqirimi"), terms(folded, "soyqırımı"));
    assertEquals(List.of("cilingir"), terms(folded, "Çilingir"));
  }

  @Test
  void foldedFieldSpellsSchwaAsEAndAsA() throws IOException {
    Analyzer folded = ANALYZERS.folded();
    // Both spellings at one position: ASCII typists write e, English transliteration a.
    assertEquals(List.of("eliyev", "aliyev"), terms(folded, "Əliyev"));
    assertEquals(List.of("aliyev"), terms(folded, "Aliyev"));
    assertEquals(List.of("eliyev"), terms(folded, "Eliyev"));
  }

  @Test
  void azerbaijaniStemmerConflatesInflectedForms() throws IOException {
    Analyzer az = ANALYZERS.forLanguage(Language.AZ);
    List<String> torpaq = terms(az, "torpaq");
    for (String form : List.of("torpağı", "torpaqlarımızı", "torpaqda", "TORPAĞIN")) {
      assertEquals(torpaq, terms(az, form), form);
    }
    assertEquals(terms(az, "üstünlük"), terms(az, "üstünlüyümüzü"));
    assertEquals(terms(az, "ailə"), terms(az, "ailələrimizin"));
    // Harmony keeps a loan word whole: -ya after i is not the dative.
    assertEquals(List.of("pandemiya"), terms(az, "pandemiyasına"));
  }

  @Test
  void azerbaijaniStemmerLeavesKeywordsAlone() throws IOException {
    try (AzerbaijaniAnalyzer az =
        new AzerbaijaniAnalyzer(
            AzerbaijaniAnalyzer.getDefaultStopSet(),
            new org.apache.lucene.analysis.CharArraySet(List.of("kitablar"), false))) {
      assertEquals(List.of("kitablar", "kitab"), terms(az, "kitablar kitabları"));
    }
  }

  @Test
  void crossScriptFieldMergesNameSpellings() throws IOException {
    Analyzer xs = ANALYZERS.crossScript();
    List<String> key = terms(xs, "Xocalı");
    for (String form : List.of("Ходжалы", "Khojaly", "Hocalı", "Хоҹалы", "XOCALI")) {
      assertEquals(key, terms(xs, form), form);
    }
    assertEquals(terms(xs, "Əliyev"), terms(xs, "Алиев"));
    assertEquals(terms(xs, "Qarabağ"), terms(xs, "Karabakh"));
  }

  @Test
  void indexedTextKeysItsNamesOnlyAtTheirPositions() throws IOException {
    Analyzer names = ANALYZERS.crossScriptNames();
    String text = "the tragedy of Ходжалы was recalled by İlham Əliyev in 1992-ci il";
    assertEquals(terms(ANALYZERS.crossScript(), "Ходжалы İlham Əliyev"), terms(names, text));
    // Positions stay those of the whole text, so a phrase of two names still matches.
    assertEquals(
        List.of(3, 7, 8),
        Tokens.all(names, "f", text).stream().map(Tokens.Token::position).toList());
    // A query keys every word, so a lower-case name still meets the indexed key.
    assertEquals(terms(names, "Ходжалы"), terms(ANALYZERS.crossScript(), "khojaly"));
  }

  @Test
  void turkishLowerCasesDottedCapitalI() throws IOException {
    Analyzer tr = ANALYZERS.forLanguage(Language.TR);
    assertEquals(terms(tr, "istanbul"), terms(tr, "İstanbul"));
  }

  @Test
  void englishStemsAndRussianStems() throws IOException {
    assertEquals(List.of("run"), terms(ANALYZERS.forLanguage(Language.EN), "running"));
    Analyzer ru = ANALYZERS.forLanguage(Language.RU);
    assertEquals(terms(ru, "книга"), terms(ru, "книги"));
  }

  @Test
  void fallbackTokenizesOtherScriptsAndFolds() throws IOException {
    Analyzer und = ANALYZERS.forLanguage(Language.UND);
    assertEquals(List.of("uber", "strasse"), terms(und, "Über Straße"));
    assertEquals(List.of("東京", "大学"), terms(und, "東京大学"));
  }

  @Test
  void elidedArticlesAreNotTheWord() throws IOException {
    String text = "L'amour d’Italie dell'arte un'altra aujourd'hui İstanbul'da O'Brien";
    assertEquals(
        List.of("amour", "italie", "arte", "altra", "aujourd", "istanbul", "o"),
        terms(ANALYZERS.folded(), text));
    assertEquals(
        List.of("amour", "italie", "arte", "altra", "aujourd'hui", "istanbul'da", "o'brien"),
        terms(ANALYZERS.forLanguage(Language.UND), text));
  }
}
