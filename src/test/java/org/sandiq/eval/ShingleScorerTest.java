package org.sandiq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sandiq.testing.Fixtures;

class ShingleScorerTest {
  @Test
  void countsShingleMultisetsNormalisedPerDocument() {
    ShingleScorer scorer = new ShingleScorer();
    // truth: a b c d e -> shingles abcd, bcde; output: a b c d x -> abcd, bcdx
    ShingleScorer.Counts c = scorer.add("a b c d e", "a b, c d x");
    assertEquals(1.0 / 3, c.tp(), 1e-9);
    assertEquals(1.0 / 3, c.fp(), 1e-9);
    assertEquals(1.0 / 3, c.fn(), 1e-9);
    scorer.add("one two", "one two"); // fewer than four tokens: one short shingle, exact match
    ExtractionScores s = scorer.scores("x", 0);
    assertEquals((0.5 + 1) / 2, s.precision(), 1e-9);
    assertEquals((0.5 + 1) / 2, s.recall(), 1e-9);
    assertEquals(0.75, s.f1(), 1e-9);
  }

  @Test
  void emptyOutputScoresNoPrecisionButZeroRecall() {
    ShingleScorer scorer = new ShingleScorer();
    scorer.add("some true article text here", "");
    ExtractionScores s = scorer.scores("x", 1);
    assertEquals(0, s.recall(), 1e-9);
    assertEquals(1, s.failed());
  }

  /**
   * The scorer reproduces the benchmark's published figures from the predictions it ships: so the
   * figures Sandiq reports are comparable with the published table.
   */
  @Test
  void reproducesPublishedFiguresOfTheBenchmark() throws Exception {
    Path set = Fixtures.shared("data/scrapinghub-article-extraction");
    ObjectMapper json = new ObjectMapper();
    JsonNode truth = json.readTree(Files.readString(set.resolve("ground-truth.json")));
    // trafilatura 2.0.0: F1 0.958, P 0.938, R 0.978; html-text (whole page): F1 0.665.
    double[][] expected = {{0.958, 0.938, 0.978}, {0.665, 0.500, 0.994}};
    String[] tools = {"trafilatura", "html-text"};
    for (int t = 0; t < tools.length; t++) {
      JsonNode predictions =
          json.readTree(Files.readString(set.resolve("baselines/" + tools[t] + ".json")));
      if (predictions.has("output")) {
        predictions = predictions.get("output");
      }
      ShingleScorer scorer = new ShingleScorer();
      var ids = truth.fieldNames();
      while (ids.hasNext()) {
        String id = ids.next();
        scorer.add(
            truth.get(id).path("articleBody").asText(""),
            predictions.path(id).path("articleBody").asText(""));
      }
      ExtractionScores s = scorer.scores(tools[t], 0);
      assertEquals(expected[t][0], s.f1(), 0.0015, tools[t] + " F1");
      assertEquals(expected[t][1], s.precision(), 0.0015, tools[t] + " precision");
      assertEquals(expected[t][2], s.recall(), 0.0015, tools[t] + " recall");
    }
  }
}
