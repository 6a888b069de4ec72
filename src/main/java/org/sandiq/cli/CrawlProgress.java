package org.sandiq.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.sandiq.crawl.CrawlListener;
import org.sandiq.crawl.CrawlReport;

/**
 * Shows crawl progress on stderr in the style of {@link ConsoleProgress}: one line redrawn in place
 * on a terminal, otherwise a plain line every {@value ConsoleProgress#LINE_INTERVAL_MILLIS} ms.
 * URLs given up are printed as they happen, with the reason.
 */
final class CrawlProgress implements CrawlListener {
  private static final long REDRAW_MILLIS = 200;

  private final PrintWriter err;
  private final boolean terminal;
  private long lastPrint;
  private boolean lineShown;

  CrawlProgress(PrintWriter err) {
    this.err = err;
    this.terminal = ConsoleProgress.isTerminal();
    this.lastPrint = System.currentTimeMillis();
  }

  @Override
  public synchronized void progress(CrawlReport sofar, int queued) {
    long now = System.currentTimeMillis();
    if (now - lastPrint < (terminal ? REDRAW_MILLIS : ConsoleProgress.LINE_INTERVAL_MILLIS)) {
      return;
    }
    lastPrint = now;
    String line =
        String.format(
            Locale.ROOT,
            "crawl: fetched %d, queued %d, errors %d, %.1f pages/s",
            sofar.fetched(),
            queued,
            sofar.errors(),
            sofar.pagesPerSecond());
    if (terminal) {
      err.print("\r" + line + "   ");
      lineShown = true;
    } else {
      err.println(line);
    }
    err.flush();
  }

  @Override
  public synchronized void failed(String url, String reason) {
    finish();
    err.println("failed: " + url + ": " + reason);
    err.flush();
  }

  /** Ends the progress line, so what follows starts on a new one. */
  synchronized void finish() {
    if (lineShown) {
      err.println();
      lineShown = false;
    }
  }
}
