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
  private final Path corpus;
  private final Path index;
  private final LanguageAnalyzers analyzers;
  private final LuceneSearchService search;
  private final PrintWriter err;
  private final AtomicBoolean running = new AtomicBoolean();

  IndexUpdater(
      Path corpus,
      Path index,
      LanguageAnalyzers analyzers,
      LuceneSearchService search,
      PrintWriter err) {
    this.corpus = corpus;
    this.index = index;
    this.analyzers = analyzers;
    this.search = search;
    this.err = err;
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
          IndexJobs.reindex(
              corpus,
              index,
              false,
              analyzers,
              new ReindexListener() {
                @Override
                public void failed(ReindexReport.Failure failure) {
                  synchronized (err) {
                    err.println("failed: " + failure.file() + ": " + failure.reason());
                    err.flush();
                  }
                }
              });
      search.refresh();
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
