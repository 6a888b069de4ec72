package org.sandiq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentScorerTest {
  @Test
  void segmentsArePresentAsSubstringsWithWhitespaceCollapsed() {
    SegmentScorer scorer = new SegmentScorer();
    scorer.add(
        "First  paragraph\n\nof the article.\n\nSee more",
        List.of("paragraph of the article.", "missing sentence"),
        List.of("See  more", "Cookie banner"));
    scorer.add(null, List.of("anything"), List.of("nav"));
    ExtractionScores s = scorer.scores("x", 1);
    // TP 1, FN 2, FP 1, TN 2
    assertEquals(0.5, s.precision(), 1e-9);
    assertEquals(1.0 / 3, s.recall(), 1e-9);
    assertEquals(2.0 / 5, s.f1(), 1e-9);
    assertEquals(3.0 / 6, scorer.accuracy(), 1e-9);
    assertEquals(2, s.documents());
  }
}
