package org.sandiq.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.index.LuceneIndex;
import org.sandiq.index.ReindexListener;
import org.sandiq.index.ReindexReport;
import org.sandiq.ingest.Corpus;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.web.WebApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sandiq serve}: the search page and the HTTP API. When there is no index yet it indexes the
 * corpus first; when there is one it starts serving at once and brings the index up to date with
 * the corpus in the background (searches see the result when it commits).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the search page and the HTTP API (default http://localhost:7070/).",
      "Indexes the corpus first when there is no index; otherwise serves at once and updates the"
          + " index from the corpus in the background."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin Locations locations;

  @Option(
      names = "--host",
      paramLabel = "H",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "P",
      defaultValue = "7070",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--no-reindex",
      description = "Serve the index as it is, without bringing it up to date with the corpus.")
  boolean noReindex;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LanguageAnalyzers analyzers = new LanguageAnalyzers();
    boolean existed = LuceneIndex.exists(locations.index);
    if (!existed) {
      if (!Files.isDirectory(locations.corpus)) {
        throw new IOException(
            "no index at " + locations.index + " and no corpus folder at " + locations.corpus);
      }
      err.println("serve: no index at " + locations.index + " yet; indexing " + locations.corpus);
      ConsoleProgress progress = new ConsoleProgress(err, "reindex");
      ReindexReport report;
      try {
        report = IndexJobs.reindex(locations.corpus, locations.index, false, analyzers, progress);
      } finally {
        progress.finish();
      }
      err.println("serve: " + report.summary());
    }
    LuceneSearchService search =
        new LuceneSearchService(locations.index, new FieldAnalyzers(analyzers));
    Corpus corpus = new Corpus(locations.corpus);
    Javalin app = WebApp.create(search, corpus::readRaw);
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      search.close();
      throw new IOException(
          "cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + Main.messageOf(rootCause(e))
              + "); choose another with --port",
          e);
    }
    out.println(
        "Sandiq is serving http://"
            + displayHost()
            + ":"
            + app.port()
            + "/ ("
            + search.documentCount()
            + " documents; Ctrl-C stops it)");
    out.flush();
    if (existed && !noReindex && Files.isDirectory(locations.corpus)) {
      updateInBackground(analyzers, search, err);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  try {
                    search.close();
                  } catch (IOException e) {
                    // shutting down anyway
                  }
                  analyzers.close();
                  stopped.countDown();
                },
                "sandiq-shutdown"));
    stopped.await();
    return 0;
  }

  private void updateInBackground(
      LanguageAnalyzers analyzers, LuceneSearchService search, PrintWriter err) {
    Thread updater =
        new Thread(
            () -> {
              try {
                ReindexReport report =
                    IndexJobs.reindex(
                        locations.corpus,
                        locations.index,
                        false,
                        analyzers,
                        new ReindexListener() {
                          @Override
                          public void failed(org.sandiq.index.ReindexReport.Failure failure) {
                            err.println("failed: " + failure.file() + ": " + failure.reason());
                            err.flush();
                          }
                        });
                search.refresh();
                err.println("serve: index checked against the corpus: " + report.summary());
              } catch (IOException | RuntimeException e) {
                err.println("serve: could not update the index: " + Main.messageOf(e));
              }
              err.flush();
            },
            "sandiq-index-update");
    updater.setDaemon(true);
    updater.start();
  }

  private String displayHost() {
    return switch (host) {
      case "127.0.0.1", "0.0.0.0", "::", "::1", "localhost" -> "localhost";
      default -> host.contains(":") ? "[" + host + "]" : host;
    };
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
