package org.sandiq.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.LuceneIndex;
import org.sandiq.ingest.Corpus;
import org.sandiq.reindex.ReindexReport;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.search.SearchLimits;
import org.sandiq.search.SearchService;
import org.sandiq.web.WebApp;
import org.sandiq.web.WebOptions;
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

  @Mixin BackendOptions backend;

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

  @Option(
      names = "--admin-token-file",
      paramLabel = "FILE",
      description =
          "File holding the bearer token that admin actions (POST /api/reindex) need; the"
              + " SANDIQ_ADMIN_TOKEN environment variable works too. Without either, admin actions"
              + " are off.")
  Path adminTokenFile;

  @Option(
      names = "--cors-origin",
      paramLabel = "ORIGIN",
      description =
          "An origin (https://example.org) whose pages may call the API; repeatable."
              + " CORS is off by default.")
  List<String> corsOrigins = new ArrayList<>();

  @Option(
      names = "--max-query-length",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Longest query, in characters (default: ${DEFAULT-VALUE}).")
  int maxQueryChars;

  @Option(
      names = "--max-clauses",
      paramLabel = "N",
      defaultValue = "1024",
      description = "Most clauses one query may expand to (default: ${DEFAULT-VALUE}).")
  int maxClauses;

  @Option(
      names = "--max-expansions",
      paramLabel = "N",
      defaultValue = "64",
      description =
          "Most terms a prefix*, wildcard or fuzzy~ word matches (default: ${DEFAULT-VALUE}).")
  int maxExpansions;

  @Option(
      names = "--min-prefix",
      paramLabel = "N",
      defaultValue = "2",
      description = "Fewest letters before * or ? (default: ${DEFAULT-VALUE}).")
  int minPrefix;

  @Option(
      names = "--max-page-size",
      paramLabel = "N",
      defaultValue = "100",
      description = "Most hits per page (default: ${DEFAULT-VALUE}).")
  int maxPageSize;

  @Option(
      names = "--max-depth",
      paramLabel = "N",
      defaultValue = "10000",
      description =
          "Deepest hit page numbers reach; cursors go further (default: ${DEFAULT-VALUE}).")
  int maxDepth;

  @Option(
      names = "--exact-total",
      paramLabel = "N",
      defaultValue = "10000",
      description =
          "Matches counted exactly before the total becomes \"at least\" and the top hits may skip"
              + " what cannot make the page (default: ${DEFAULT-VALUE}).")
  int exactTotal;

  @Option(
      names = "--search-timeout",
      paramLabel = "MS",
      defaultValue = "2000",
      description =
          "Time one search may take before it answers with what it found, flagged partial"
              + " (default: ${DEFAULT-VALUE}).")
  long searchTimeout;

  @Option(
      names = "--max-export",
      paramLabel = "N",
      defaultValue = "1000000",
      description =
          "Most documents one export (GET /api/export) may hold; past it, a 400"
              + " (default: ${DEFAULT-VALUE}).")
  long maxExport;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LanguageAnalyzers analyzers = new LanguageAnalyzers();
    boolean existed = exists();
    if (!existed) {
      if (!Files.isDirectory(locations.corpus)) {
        throw new IOException(
            "no index at " + where() + " and no corpus folder at " + locations.corpus);
      }
      err.println("serve: no index at " + where() + " yet; indexing " + locations.corpus);
      ConsoleProgress progress = new ConsoleProgress(err, "reindex");
      ReindexReport report;
      try {
        report =
            backend.isOpenSearch()
                ? IndexJobs.reindexOpenSearch(locations.corpus, backend, true, progress)
                : IndexJobs.reindex(locations.corpus, locations.index, false, analyzers, progress);
      } finally {
        progress.finish();
      }
      err.println("serve: " + report.summary());
    }
    SearchLimits limits =
        new SearchLimits(
            maxQueryChars,
            maxClauses,
            maxExpansions,
            minPrefix,
            maxPageSize,
            maxDepth,
            exactTotal,
            searchTimeout);
    SearchService search = backend.searchService(locations.index, analyzers, limits);
    Corpus corpus = new Corpus(locations.corpus);
    IndexUpdater updater =
        search instanceof LuceneSearchService lucene
            ? IndexUpdater.embedded(locations.corpus, locations.index, analyzers, lucene, err)
            : IndexUpdater.cluster(locations.corpus, backend, err);
    Javalin app =
        WebApp.create(
            search,
            new WebOptions(
                corpus::readRaw,
                adminToken(),
                () -> updater.start("reindex asked over HTTP"),
                corsOrigins,
                new CorpusArchive(corpus),
                maxExport));
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
    search.warmInBackground();
    if (existed && !noReindex && Files.isDirectory(locations.corpus)) {
      updater.start("index checked against the corpus");
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

  private boolean exists() throws IOException {
    if (!backend.isOpenSearch()) {
      return LuceneIndex.exists(locations.index);
    }
    try (org.sandiq.opensearch.ClusterClient cluster = backend.connect()) {
      return backend.hasIndex(cluster);
    }
  }

  private String where() {
    return backend.isOpenSearch() ? "OpenSearch " + backend.urls : locations.index.toString();
  }

  /** The admin token: the file's first line, else SANDIQ_ADMIN_TOKEN, else none. */
  private String adminToken() throws IOException {
    String token =
        adminTokenFile != null
            ? Files.readAllLines(adminTokenFile).stream().findFirst().orElse("").strip()
            : System.getenv("SANDIQ_ADMIN_TOKEN");
    return token == null || token.isBlank() ? null : token.strip();
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
