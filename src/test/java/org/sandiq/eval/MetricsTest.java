package org.sandiq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures against values worked out by hand. */
class MetricsTest {
  static final Map<String, Map<String, Integer>> QRELS =
      Map.of(
          "q1", Map.of("a", 1, "c", 1),
          "q2", Map.of("x", 1),
          "q3", Map.of("n", 0));

  @Test
  void figuresMatchHandComputedValues() {
    Map<String, List<String>> run =
        Map.of(
            "q1", List.of("a", "b", "c"),
            "q2", List.of("y", "z"),
            "q3", List.of("n"));
    Metrics m = Metrics.of(run, QRELS);
    // q3 has no relevant document: not scored. q2 finds nothing: zero everywhere.
    assertEquals(2, m.queries());
    // q1: AP = (1/1 + 2/3) / 2; RR = 1; recall = 1.
    assertEquals((1 + 2 / 3.0) / 2 / 2, m.map(), 1e-9);
    assertEquals(0.5, m.mrr10(), 1e-9);
    assertEquals(0.5, m.recall100(), 1e-9);
    // q1: DCG = 1 + 1/log2(4) = 1.5; IDCG = 1 + 1/log2(3).
    double ndcg = 1.5 / (1 + 1 / (Math.log(3) / Math.log(2)));
    assertEquals(ndcg / 2, m.ndcg10(), 1e-9);
  }

  @Test
  void aMissingQueryCountsZeroAndMrrStopsAtTen() {
    Map<String, List<String>> run =
        Map.of("q1", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "a"));
    Metrics m = Metrics.of(run, QRELS);
    assertEquals(0, m.mrr10(), 1e-9);
    assertEquals(1 / 11.0 / 2 / 2, m.map(), 1e-9);
  }
}
