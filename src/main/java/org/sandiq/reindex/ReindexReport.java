package org.sandiq.reindex;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a reindex did, counted in corpus files.
 *
 * @param indexed files new to the index
 * @param updated files whose content changed
 * @param deleted files no longer in the corpus, removed from the index
 * @param skipped files unchanged since the last reindex
 * @param failed files that could not be read (each in {@link #failures})
 * @param documents content documents written in this run
 * @param elapsed wall-clock time of the run
 * @param failures each failed file with its reason
 */
public record ReindexReport(
    int indexed,
    int updated,
    int deleted,
    int skipped,
    int failed,
    long documents,
    Duration elapsed,
    List<Failure> failures) {

  /** A corpus file that could not be read, and why. */
  public record Failure(String file, String reason) {}

  /** Whether every file was read. */
  public boolean succeeded() {
    return failed == 0;
  }

  /** The summary line: {@code indexed N, updated N, deleted N, skipped N, failed N in S s}. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "indexed %d, updated %d, deleted %d, skipped %d, failed %d in %.1f s",
        indexed,
        updated,
        deleted,
        skipped,
        failed,
        elapsed.toMillis() / 1000.0);
  }
}
