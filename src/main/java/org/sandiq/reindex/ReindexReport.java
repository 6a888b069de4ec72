package org.sandiq.reindex;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.sandiq.ingest.ArchiveSummary;

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
 * @param archives each web archive (WARC, ARC) read in this run: what its records were, in path
 *     order
 * @param revisits what became of the revisits whose capture was not in their own file
 */
public record ReindexReport(
    int indexed,
    int updated,
    int deleted,
    int skipped,
    int failed,
    long documents,
    Duration elapsed,
    List<Failure> failures,
    List<Archive> archives,
    Revisits revisits) {

  /** A corpus file that could not be read, and why. */
  public record Failure(String file, String reason) {}

  /**
   * A web archive read in this run.
   *
   * @param file its corpus-relative path
   * @param read what its records were and where it was damaged
   * @param indexed the documents written from it
   */
  public record Archive(String file, ArchiveSummary read, long indexed) {
    /** {@code path: 133 records, 41 documents; skipped: not a page 62, …; damaged 1: offset …}. */
    public String line() {
      return file + ": " + read.line(indexed);
    }
  }

  /**
   * The revisits read in this run whose capture was in another file (an earlier crawl's): found in
   * the index and indexed as captures with their own date, or not found (counted in their file's
   * line as revisits, as before).
   */
  public record Revisits(long indexed, long notFound) {
    /** {@code revisits of captures in other files: 3 indexed, 1 whose capture is not indexed}. */
    public String line() {
      return "revisits of captures in other files: "
          + indexed
          + " indexed, "
          + notFound
          + " whose capture is not indexed";
    }
  }

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
