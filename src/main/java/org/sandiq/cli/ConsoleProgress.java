package org.sandiq.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;
import org.sandiq.reindex.ReindexListener;
import org.sandiq.reindex.ReindexReport;

/**
 * Shows reindex progress on stderr: a bar redrawn in place when stderr is a terminal, otherwise a
 * plain line every {@value #LINE_INTERVAL_MILLIS} ms (for logs and CI). Failures are printed as
 * they happen, one line each, naming the file and the reason.
 */
final class ConsoleProgress implements ReindexListener {
  static final long LINE_INTERVAL_MILLIS = 5000;
  private static final long BAR_INTERVAL_MILLIS = 100;
  private static final int BAR_WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private final String label;
  private long lastPrint;
  private boolean barShown;

  ConsoleProgress(PrintWriter err, String label) {
    this.err = err;
    this.label = label;
    this.terminal = isTerminal();
  }

  @Override
  public synchronized void started(int toRead, int total) {
    err.printf(Locale.ROOT, "%s: %d files in the corpus, %d to read%n", label, total, toRead);
    err.flush();
    lastPrint = System.currentTimeMillis();
  }

  @Override
  public synchronized void progress(int filesDone, int toRead, long documents) {
    long now = System.currentTimeMillis();
    boolean last = filesDone == toRead;
    if (!last && now - lastPrint < (terminal ? BAR_INTERVAL_MILLIS : LINE_INTERVAL_MILLIS)) {
      return;
    }
    lastPrint = now;
    if (terminal) {
      int filled = toRead == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * filesDone / toRead);
      err.printf(
          Locale.ROOT,
          "\r%s [%s%s] %d/%d files, %d documents",
          label,
          "#".repeat(filled),
          "-".repeat(BAR_WIDTH - filled),
          filesDone,
          toRead,
          documents);
      barShown = true;
    } else {
      err.printf(
          Locale.ROOT, "%s: %d/%d files, %d documents%n", label, filesDone, toRead, documents);
    }
    err.flush();
  }

  @Override
  public synchronized void failed(ReindexReport.Failure failure) {
    endBar();
    err.println("failed: " + failure.file() + ": " + failure.reason());
    err.flush();
  }

  @Override
  public synchronized void compacting() {
    endBar();
    err.printf(Locale.ROOT, "%s: merging the rebuilt index's segments%n", label);
    err.flush();
  }

  /** Ends the bar's line, so what follows starts on a new one. */
  synchronized void finish() {
    endBar();
  }

  private void endBar() {
    if (barShown) {
      err.println();
      barShown = false;
    }
  }

  /**
   * Whether stderr is an interactive terminal. Since Java 22 {@link System#console()} exists even
   * when output is redirected and {@code Console.isTerminal()} tells; on Java 21 the console is
   * null when redirected. The method is looked up reflectively because the code targets Java 21.
   */
  static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
