package org.sandiq.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.junit.jupiter.api.Test;

/**
 * The word tokenizer against the ICU tokenizer it stands in for: the same tokens, offsets and
 * positions for every kind of value Sandiq indexes, the ICU path for scripts written without
 * spaces, and the few forms where the two differ on purpose.
 */
class WordTokenizerTest {
  private static final Function<Reader, Reader> AS_IS = r -> r;

  private static List<Tokens.Token> tokens(
      Tokenizer tokenizer, String value, Function<Reader, Reader> filter) {
    tokenizer.setReader(filter.apply(new StringReader(value)));
    return Tokens.all(tokenizer);
  }

  private static void assertAsIcu(String value) {
    assertAsIcu(value, AS_IS);
  }

  private static void assertAsIcu(String value, Function<Reader, Reader> filter) {
    assertEquals(
        tokens(new ICUTokenizer(), value, filter),
        tokens(new WordTokenizer(), value, filter),
        value);
  }

  @Test
  void givesTheIcuTokensOfTextInSandiqsLanguages() {
    assertAsIcu("The U.S.A. doesn't sell 3.14 kg of 1,000 apples (e-mail: a.b@example.com).");
    assertAsIcu("Xocalı soyqırımı 1992-ci ildə, 26 fevralda baş verib. ƏLİYEV İlham");
    assertAsIcu("Ходжалинская резня — массовое убийство; «Ходжалы» 1992 г.");
    assertAsIcu("Türkiye'nin başkenti Ankara'dır; İSTANBUL ılık.");
    assertAsIcu("Ἀθῆναι καὶ Σπάρτη. مرحبا بالعالم. שלום עולם. नमस्ते दुनिया");
    assertAsIcu("Gandhiʼs ʻAlī Ismāʿīl Filosofsʹka Xankəndi");
  }

  @Test
  void splitsWordsWhereTheirScriptChangesAsIcuDoes() {
    assertAsIcu("стандартаDVB O'Хейген cредние φορος'tan");
    assertEquals(
        List.of("стандарта", "DVB"),
        tokens(new WordTokenizer(), "стандартаDVB", AS_IS).stream()
            .map(Tokens.Token::term)
            .toList());
  }

  @Test
  void leavesScriptsWithoutSpacesToTheIcuDictionaries() {
    assertAsIcu("北京大学的学生 studied at Peking University");
    assertAsIcu("ภาษาไทยง่ายนิดเดียว and some English");
    assertAsIcu("東京タワーへ行きました");
    assertAsIcu("ພາສາລາວ ភាសាខ្មែរ မြန်မာစာ");
  }

  @Test
  void emitsPicturesButNotSymbolsAsIcuDoes() {
    assertAsIcu("Great 🙂 day © 2024 Acme™ ® 🏳️‍🌈 pride");
  }

  @Test
  void correctsOffsetsThroughCharacterFilters() {
    NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
    map.add("ﬁ", "fi");
    map.add("ı", "i");
    map.add("&amp;", "&");
    NormalizeCharMap built = map.build();
    assertAsIcu("ﬁne &amp; Xocalı ﬁlm; Ходжалы ﬁ", r -> new MappingCharFilter(built, r));
  }

  @Test
  void readsLongValuesAndIsReusable() {
    String longValue = "word Слово ".repeat(20_000) + "end";
    WordTokenizer reused = new WordTokenizer();
    List<Tokens.Token> first = tokens(reused, longValue, AS_IS);
    assertEquals(tokens(new ICUTokenizer(), longValue, AS_IS), first);
    assertEquals(40_001, first.size());
    assertAsIcu("short after long");
    assertEquals(tokens(new ICUTokenizer(), "北京 again", AS_IS), tokens(reused, "北京 again", AS_IS));
    assertEquals(first, tokens(reused, longValue, AS_IS));
    assertEquals(List.of(), tokens(reused, "", AS_IS));
  }

  /** Where the standard word-break rules and ICU's differ, the standard ones stand, on purpose. */
  @Test
  void keepsTheStandardRulesWhereTheyDifferFromIcu() {
    assertEquals(
        List.of("the", "3rd", "floor"),
        tokens(new WordTokenizer(), "the 3rd floor ___", AS_IS).stream()
            .map(Tokens.Token::term)
            .toList());
  }
}
