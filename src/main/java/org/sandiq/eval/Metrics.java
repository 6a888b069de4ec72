package org.sandiq.eval;

import java.util.List;
import java.util.Map;

/**
 * The figures of a run, computed as {@code trec_eval} does: averaged over every query that has at
 * least one relevant document, a query with no hits counting zero.
 *
 * @param ndcg10 nDCG at 10 (gain = grade, log2 discount)
 * @param map mean average precision over the ranked list returned (its depth: 100 hits by default,
 *     1000 for trec_eval's usual figure)
 * @param recall100 share of relevant documents in the first 100
 * @param mrr10 mean reciprocal rank of the first relevant document within 10
 * @param queries how many queries were scored
 */
public record Metrics(double ndcg10, double map, double recall100, double mrr10, int queries) {

  /** Scores {@code run} (ranked document ids by query id) against {@code qrels}. */
  public static Metrics of(Map<String, List<String>> run, Map<String, Map<String, Integer>> qrels) {
    double ndcg = 0;
    double ap = 0;
    double recall = 0;
    double rr = 0;
    int n = 0;
    for (var entry : qrels.entrySet()) {
      Map<String, Integer> judged = entry.getValue();
      long relevant = judged.values().stream().filter(g -> g > 0).count();
      if (relevant == 0) {
        continue;
      }
      n++;
      List<String> ranked = run.getOrDefault(entry.getKey(), List.of());
      ndcg += ndcg(ranked, judged, 10);
      ap += averagePrecision(ranked, judged, relevant);
      recall += found(ranked, judged, 100) / (double) relevant;
      rr += reciprocalRank(ranked, judged, 10);
    }
    return n == 0
        ? new Metrics(0, 0, 0, 0, 0)
        : new Metrics(ndcg / n, ap / n, recall / n, rr / n, n);
  }

  private static int grade(Map<String, Integer> judged, String doc) {
    return Math.max(0, judged.getOrDefault(doc, 0));
  }

  static double ndcg(List<String> ranked, Map<String, Integer> judged, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      dcg += grade(judged, ranked.get(i)) / log2(i + 2);
    }
    List<Integer> ideal =
        judged.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  static double averagePrecision(List<String> ranked, Map<String, Integer> judged, long relevant) {
    double sum = 0;
    int hits = 0;
    for (int i = 0; i < ranked.size(); i++) {
      if (grade(judged, ranked.get(i)) > 0) {
        hits++;
        sum += hits / (double) (i + 1);
      }
    }
    return sum / relevant;
  }

  private static int found(List<String> ranked, Map<String, Integer> judged, int k) {
    int hits = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (grade(judged, ranked.get(i)) > 0) {
        hits++;
      }
    }
    return hits;
  }

  static double reciprocalRank(List<String> ranked, Map<String, Integer> judged, int k) {
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (grade(judged, ranked.get(i)) > 0) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
