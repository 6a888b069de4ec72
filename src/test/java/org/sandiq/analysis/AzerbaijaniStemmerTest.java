package org.sandiq.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sandiq.testing.SharedData;

/**
 * The stemmer's figures on stem groups, pinned in {@code stemmer_expected.tsv}: a change that
 * merges fewer words or more unrelated groups fails here (and one that does better updates the
 * file, and EVALUATION.md).
 */
class AzerbaijaniStemmerTest {
  private static final AzerbaijaniAnalyzer AZ = new AzerbaijaniAnalyzer();

  @AfterAll
  static void close() {
    AZ.close();
  }

  static Map<String, String> expected() throws IOException {
    Map<String, String> lines = new HashMap<>();
    try (InputStream in =
        AzerbaijaniStemmerTest.class.getResourceAsStream("stemmer_expected.tsv")) {
      assertNotNull(in, "stemmer_expected.tsv");
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.put(line.substring(0, line.indexOf('\t')), line.strip());
        }
      }
    }
    return lines;
  }

  static void check(StemGroups groups) throws IOException {
    StemGroups.Figures figures = groups.measure(AZ);
    System.out.println(figures.line() + "  wrong merges: " + figures.wrongPairs());
    assertEquals(expected().get(groups.name()), figures.line(), "figures of " + groups.name());
  }

  @Test
  void handCheckedGroups() throws Exception {
    Path file = Path.of(AzerbaijaniStemmerTest.class.getResource("stem_groups.az.tsv").toURI());
    check(StemGroups.read("hand-checked", file));
  }

  @Test
  void publishedPairs() throws IOException {
    check(
        StemGroups.read(
            "shared-pairs", SharedData.file("data/az-lexical/stemmer_expected_pairs.az.tsv")));
  }

  @Test
  void verbParadigm() throws IOException {
    check(
        StemGroups.paradigm(
            "gor-paradigm", SharedData.file("data/az-lexical/verb_paradigm.gor.az.txt"), "gör"));
  }
}
