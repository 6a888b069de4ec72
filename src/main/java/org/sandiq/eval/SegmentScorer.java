package org.sandiq.eval;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Trafilatura's evaluation metric: each page lists segments that must be in the main text and
 * segments (boilerplate) that must not. With whitespace collapsed on both sides, a segment is
 * present when it is a substring of the output. Counts are summed over all pages (micro-average):
 * precision = TP/(TP+FP), recall = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN).
 */
public final class SegmentScorer {
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private long tp;
  private long fp;
  private long fn;
  private long tn;
  private int documents;

  /** Scores one page's output (null or empty when extraction failed: nothing is present). */
  public void add(String output, List<String> with, List<String> without) {
    String text = normalize(output == null ? "" : output);
    for (String segment : with) {
      if (text.contains(normalize(segment))) {
        tp++;
      } else {
        fn++;
      }
    }
    for (String segment : without) {
      if (text.contains(normalize(segment))) {
        fp++;
      } else {
        tn++;
      }
    }
    documents++;
  }

  /** Share of all segments classified right (kept when they should be, absent when not). */
  public double accuracy() {
    long all = tp + fp + fn + tn;
    return all == 0 ? 0 : (double) (tp + tn) / all;
  }

  public ExtractionScores scores(String extractor, int failed) {
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    return new ExtractionScores(extractor, documents, failed, precision, recall, f1);
  }

  static String normalize(String s) {
    return SPACE.matcher(s).replaceAll(" ").strip();
  }
}
