package org.sandiq.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sandiq.search.InvalidRequestException;

/**
 * Runs every query of a {@link TestCollection} through a {@link Retriever} and scores the run. A
 * query the retriever rejects (a query too long for Lucene's clause limit, say) is counted, scored
 * as finding nothing, and the run goes on.
 *
 * @param run the ranked document ids by query id, in query order
 * @param metrics the figures of the run
 * @param failures why each rejected query failed, by query id
 */
public record RetrievalEvaluation(
    Map<String, List<String>> run, Metrics metrics, Map<String, String> failures) {
  /** Hits kept per query by default: enough for Recall@100, and one search page. */
  public static final int DEPTH = 100;

  /** Runs and scores every query of {@code collection}, {@code depth} hits each. */
  public static RetrievalEvaluation run(TestCollection collection, Retriever retriever, int depth) {
    Map<String, List<String>> run = new LinkedHashMap<>();
    Map<String, String> failures = new LinkedHashMap<>();
    for (TestCollection.Query query : collection.queries()) {
      try {
        run.put(query.id(), retriever.rank(query, depth));
      } catch (InvalidRequestException e) {
        failures.put(query.id(), e.getMessage());
        run.put(query.id(), List.of());
      }
    }
    return new RetrievalEvaluation(run, Metrics.of(run, collection.qrels()), failures);
  }

  /**
   * Writes the run in TREC format: {@code query Q0 doc rank score tag}, the score falling with the
   * rank (the ranked list is what is evaluated, not the engine's scores).
   */
  public void writeTrecRun(Path file, String tag) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (var entry : run.entrySet()) {
        List<String> docs = entry.getValue();
        for (int i = 0; i < docs.size(); i++) {
          out.write(
              String.format(
                  Locale.ROOT,
                  "%s Q0 %s %d %d %s%n",
                  entry.getKey(),
                  docs.get(i),
                  i + 1,
                  docs.size() - i,
                  tag));
        }
      }
    }
  }
}
