package org.sandiq.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.reindex.ReindexListener;
import org.sandiq.reindex.ReindexReport;
import org.sandiq.search.LuceneSearchService;

/**
 * Runs incremental reindexes for a serving process, one at a time, in the background: at start-up
 * (to catch up with the corpus) and on {@code POST /api/reindex}. The searcher is refreshed when
 * each one commits.
 */
final class IndexUpdater {
  /** One incremental reindex run. */
  @FunctionalInterface
  interface Job {
    ReindexReport run(ReindexListener listener) throws IOException;
  }

  /** What follows a run (the embedded searcher picks up the commit at once). */
  @FunctionalInterface
  interface Afterwards {
    void run() throws IOException;
  }

  private final Job job;
  private final Afterwards afterwards;
  private final PrintWriter err;
  private final AtomicBoolean running = new AtomicBoolean();

  private IndexUpdater(Job job, Afterwards afterwards, PrintWriter err) {
    this.job = job;
    this.afterwards = afterwards;
    this.err = err;
  }

  /** Updates the Lucene index at {@code index} that {@code search} serves. */
  static IndexUpdater embedded(
      Path corpus,
      Path index,
      LanguageAnalyzers analyzers,
      LuceneSearchService search,
      PrintWriter err) {
    return new IndexUpdater(
        listener -> IndexJobs.reindex(corpus, index, false, analyzers, listener),
        search::refresh,
        err);
  }

  /** Updates the OpenSearch index of {@code backend} in place (visible at its refresh). */
  static IndexUpdater cluster(Path corpus, BackendOptions backend, PrintWriter err) {
    return new IndexUpdater(
        listener -> IndexJobs.reindexOpenSearch(corpus, backend, false, listener), () -> {}, err);
  }

  /** Starts a reindex unless one is running; returns whether it started. */
  boolean start(String why) {
    if (!running.compareAndSet(false, true)) {
      return false;
    }
    Thread thread = new Thread(() -> run(why), "sandiq-index-update");
    thread.setDaemon(true);
    thread.start();
    return true;
  }

  private void run(String why) {
    try {
      ReindexReport report =
          job.run(
              new ReindexListener() {
                @Override
                public void failed(ReindexReport.Failure failure) {
                  synchronized (err) {
                    err.println("failed: " + failure.file() + ": " + failure.reason());
                    err.flush();
                  }
                }
              });
      afterwards.run();
      synchronized (err) {
        err.println("serve: " + why + ": " + report.summary());
      }
    } catch (IOException | RuntimeException e) {
      synchronized (err) {
        err.println("serve: could not update the index: " + Main.messageOf(e));
      }
    } finally {
      err.flush();
      running.set(false);
    }
  }
}
