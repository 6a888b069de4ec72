package org.sandiq.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sandiq.testing.SharedData;

/** The cross-script name key: what it merges on purpose, and how much it merges by accident. */
class NameKeyTest {
  @Test
  void spellingsOfOneNameShareAKey() {
    for (String form : List.of("Khojaly", "Hocalı", "XOCALI", "Khodzhaly", "Xodjalı")) {
      assertEquals(NameKey.of("Xocalı"), NameKey.of(form), form);
    }
    for (String form : List.of("Aliyev", "Eliyev", "Aliev", "ƏLİYEV")) {
      assertEquals(NameKey.of("Əliyev"), NameKey.of(form), form);
    }
    assertEquals(NameKey.of("Şuşa"), NameKey.of("Shusha"));
    assertNotEquals(NameKey.of("Bakı"), NameKey.of("Gəncə"));
  }

  /**
   * Over the vocabulary of Azerbaijani Wikipedia's featured articles: how many distinct word forms
   * (as the folded field already sees them) share their key with another form, and what share of
   * running text those forms are. Pinned in {@code name_key_expected.tsv}.
   */
  @Test
  void accidentalMergesOverAnAzerbaijaniVocabulary() throws IOException {
    Path file = SharedData.file("data/az-lexical/wordfreq.azwiki-featured.tsv");
    Map<String, Long> folded = new HashMap<>();
    try (FoldingAnalyzer folding = FoldingAnalyzer.neutral()) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] cols = line.split("\t");
        if (cols.length != 2
            || !cols[1].chars().allMatch(Character::isDigit)
            || !cols[0].chars().allMatch(Character::isLetter)) {
          continue; // the header, numbers, mixed tokens
        }
        List<String> terms = AnalyzersTest.terms(folding, cols[0]);
        if (terms.size() >= 1) {
          folded.merge(terms.get(0), Long.parseLong(cols[1]), Long::sum);
        }
      }
    }
    Map<String, Set<String>> byKey = new HashMap<>();
    for (String form : folded.keySet()) {
      byKey.computeIfAbsent(NameKey.of(form), k -> new HashSet<>()).add(form);
    }
    long tokens = folded.values().stream().mapToLong(Long::longValue).sum();
    int merged = 0;
    long mergedTokens = 0;
    for (Set<String> forms : byKey.values()) {
      if (forms.size() > 1) {
        merged += forms.size();
        for (String f : forms) {
          mergedTokens += folded.get(f);
        }
      }
    }
    String line =
        String.format(
            Locale.ROOT,
            "azwiki-featured\t%d\t%d\t%d\t%.3f\t%.3f",
            folded.size(),
            byKey.size(),
            merged,
            merged / (double) folded.size(),
            mergedTokens / (double) tokens);
    System.out.println("forms, keys, forms merged, share of forms, share of tokens: " + line);
    assertEquals(expected(), line);
  }

  private static String expected() throws IOException {
    try (InputStream in = NameKeyTest.class.getResourceAsStream("name_key_expected.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.startsWith("#") && !l.isBlank())
          .findFirst()
          .orElseThrow()
          .strip();
    }
  }

  @Test
  void doubledDigitsStayApart() {
    org.junit.jupiter.api.Assertions.assertNotEquals(NameKey.of("room44"), NameKey.of("room4"));
    org.junit.jupiter.api.Assertions.assertEquals(NameKey.of("Lankaran"), NameKey.of("Lankkaran"));
  }
}
