package org.sandiq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.ingest.Extraction;
import org.sandiq.testing.Fixtures;

/**
 * Sandiq's extraction against the public benchmarks, held above the floors pinned in {@code
 * eval/extraction-floors.properties} (a little under the figures measured in EXTRACTION.md).
 */
class ExtractionEvaluationTest {
  @TempDir Path dir;

  private static Properties floors() throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        ExtractionEvaluationTest.class.getResourceAsStream("/eval/extraction-floors.properties")) {
      p.load(in);
    }
    return p;
  }

  private static void assertAbove(Properties floors, String set, ExtractionScores s) {
    for (String metric : List.of("precision", "recall", "f1")) {
      double floor = Double.parseDouble(floors.getProperty(set + "." + metric));
      double value =
          switch (metric) {
            case "precision" -> s.precision();
            case "recall" -> s.recall();
            default -> s.f1();
          };
      assertTrue(value >= floor, set + " " + metric + " " + value + " fell below " + floor);
    }
    assertEquals(0, s.failed(), "every page is read");
  }

  @Test
  void scrapinghubArticleBodies() throws Exception {
    Path set = Fixtures.shared("data/scrapinghub-article-extraction");
    ExtractionEvaluation.Report report =
        new ExtractionEvaluation().evaluate(set, List.of(Extraction.MAIN_TEXT));
    assertEquals("shingles", report.metric());
    assertEquals(181, report.documents());
    assertAbove(floors(), "scrapinghub", report.scores().get(0));
  }

  @Test
  void trafilaturaSegments() throws Exception {
    Path set = Fixtures.shared("data/trafilatura-eval");
    ExtractionEvaluation.Report report =
        new ExtractionEvaluation().evaluate(set, List.of(Extraction.MAIN_TEXT));
    assertEquals("segments", report.metric());
    assertAbove(floors(), "trafilatura", report.scores().get(0));
  }

  @Test
  void smallSetInEitherLayoutScoresBothExtractors() throws Exception {
    String page =
        "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav>"
            + "<div class=content><p>"
            + "The council met on Tuesday to discuss the new bridge, which will connect the two"
            + " halves of the old town for the first time in a century.</p><p>Work starts in"
            + " spring, and the bridge should open to walkers, cyclists and buses in 2027.</p>"
            + "</div><div class=related><a href=/a>Other story one</a> <a href=/b>Other story"
            + " two</a></div><footer>Copyright Example News</footer></body></html>";
    Files.writeString(dir.resolve("p.html"), page);
    Files.writeString(
        dir.resolve("evaldata.jsonl"),
        "{\"id\":\"1\",\"html_file\":\"p.html\",\"with\":[\"The council met on Tuesday\","
            + "\"open to walkers, cyclists and buses\"],\"without\":[\"Copyright Example News\","
            + "\"Other story one\"]}\n");
    ExtractionEvaluation.Report report = new ExtractionEvaluation().evaluate(dir);
    assertEquals("segments", report.metric());
    ExtractionScores whole = report.scores().get(0);
    ExtractionScores ours = report.scores().get(1);
    assertEquals("whole-page", whole.extractor());
    assertEquals(0.5, whole.precision(), 1e-9, "the whole page holds the boilerplate too");
    assertEquals(1.0, ours.f1(), 1e-9, "the article alone is kept");
  }

  @Test
  void folderWithoutAnnotationsIsAnError() {
    IOException e = assertThrows(IOException.class, () -> new ExtractionEvaluation().evaluate(dir));
    assertTrue(e.getMessage().contains("ground-truth.jsonl"), e.getMessage());
  }
}
