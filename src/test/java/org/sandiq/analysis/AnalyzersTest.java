package org.sandiq.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AnalyzersTest {
  private static final LanguageAnalyzers ANALYZERS = new LanguageAnalyzers();

  @AfterAll
  static void close() {
    ANALYZERS.close();
  }

  static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }

  @Test
  void azerbaijaniUsesTurkicCasingAndDropsApostropheSuffixes() throws IOException {
    Analyzer az = ANALYZERS.forLanguage(Language.AZ);
    assertEquals(List.of("bakı"), terms(az, "Bakı'da"));
    // Dotted and dotless I: İ -> i, I -> ı (String.toLowerCase() without a locale gets this wrong).
    assertEquals(List.of("ilham", "ığdır"), terms(az, "İLHAM IĞDIR"));
    assertEquals(List.of("xankəndi"), terms(az, "XANKƏNDİ"));
  }

  @Test
  void azerbaijaniDropsStopWords() throws IOException {
    assertEquals(
        List.of("kitab", "oxudum"),
        terms(ANALYZERS.forLanguage(Language.AZ), "və bu kitab oxudum"));
  }

  @Test
  void foldedFieldMatchesAsciiTypingOfAzerbaijaniAndTurkish() throws IOException {
    Analyzer folded = ANALYZERS.folded();
    for (String form : List.of("Xankəndi", "XANKƏNDİ", "xankendi", "XANKENDI")) {
      assertEquals(List.of("xankendi"), terms(folded, form), form);
    }
    for (String form : List.of("İngiltərə", "ingiltərə", "INGILTERE", "İngiltere")) {
      assertEquals(List.of("ingiltere"), terms(folded, form), form);
    }
    assertEquals(List.of("soyqirimi"), terms(folded, "soyqırımı"));
    assertEquals(List.of("cilingir"), terms(folded, "Çilingir"));
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
}
