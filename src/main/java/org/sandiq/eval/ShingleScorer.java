package org.sandiq.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Scrapinghub article-extraction metric: texts are cut into {@code \w+} tokens, tokens into
 * overlapping 4-token shingles, and the shingle multisets of output and ground truth are compared.
 * Each document's true-positive, false-positive and false-negative counts are divided by their sum,
 * so long articles weigh no more than short ones; precision and recall are the means over documents
 * and F1 is computed from those means.
 */
public final class ShingleScorer {
  private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final int N = 4;

  /** One document's normalised counts. */
  public record Counts(double tp, double fp, double fn) {}

  private final List<Counts> documents = new ArrayList<>();

  /** Scores one document and remembers its counts. */
  public Counts add(String truth, String predicted) {
    Map<List<String>, Integer> t = shingles(truth);
    Map<List<String>, Integer> p = shingles(predicted);
    double tp = 0;
    double fp = 0;
    double fn = 0;
    for (Map.Entry<List<String>, Integer> e : p.entrySet()) {
      int trueCount = t.getOrDefault(e.getKey(), 0);
      tp += Math.min(trueCount, e.getValue());
      fp += Math.max(0, e.getValue() - trueCount);
    }
    for (Map.Entry<List<String>, Integer> e : t.entrySet()) {
      fn += Math.max(0, e.getValue() - p.getOrDefault(e.getKey(), 0));
    }
    double sum = tp + fp + fn;
    Counts counts = sum > 0 ? new Counts(tp / sum, fp / sum, fn / sum) : new Counts(0, 0, 0);
    documents.add(counts);
    return counts;
  }

  /** Precision, recall and F1 over the documents added so far. */
  public ExtractionScores scores(String extractor, int failed) {
    double precision = 0;
    int pn = 0;
    double recall = 0;
    int rn = 0;
    for (Counts c : documents) {
      if (c.tp + c.fp > 0) {
        precision += precision(c);
        pn++;
      }
      if (c.tp + c.fn > 0) {
        recall += recall(c);
        rn++;
      }
    }
    precision = pn == 0 ? 0 : precision / pn;
    recall = rn == 0 ? 0 : recall / rn;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new ExtractionScores(extractor, documents.size(), failed, precision, recall, f1);
  }

  private static double precision(Counts c) {
    if (c.fp == 0 && c.fn == 0) {
      return 1;
    }
    return c.tp == 0 && c.fp == 0 ? 0 : c.tp / (c.tp + c.fp);
  }

  private static double recall(Counts c) {
    if (c.fp == 0 && c.fn == 0) {
      return 1;
    }
    return c.tp == 0 && c.fn == 0 ? 0 : c.tp / (c.tp + c.fn);
  }

  /** The shingle multiset; a text of fewer than four tokens is one shorter shingle. */
  static Map<List<String>, Integer> shingles(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text == null ? "" : text);
    while (m.find()) {
      tokens.add(m.group());
    }
    Map<List<String>, Integer> shingles = new HashMap<>();
    for (int i = 0; i < Math.max(1, tokens.size() - N + 1); i++) {
      List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + N));
      if (!shingle.isEmpty()) {
        shingles.merge(List.copyOf(shingle), 1, Integer::sum);
      }
    }
    return shingles;
  }
}
