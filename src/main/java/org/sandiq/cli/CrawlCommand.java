package org.sandiq.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.crawl.CrawlConfig;
import org.sandiq.crawl.CrawlReport;
import org.sandiq.crawl.CrawlScope;
import org.sandiq.crawl.Crawler;
import org.sandiq.reindex.ReindexReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sandiq crawl}: fetches a site politely into WARC files, optionally indexing them. */
@Command(
    name = "crawl",
    mixinStandardHelpOptions = true,
    description = {
      "Crawls from the seed URLs and archives every response as WARC 1.1 in --out.",
      "Obeys robots.txt, waits between requests to a host, stays within the bounds given.",
      "Stopped (Ctrl-C) or killed, the same command resumes without fetching anything twice.",
      "Exit code 0 when the crawl ran (page errors are counted, not fatal), 2 when it could not."
    })
final class CrawlCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SEED_URL", description = "Where to start (http/https).")
  List<String> seeds;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "${env:SANDIQ_HOME:-.}/corpus/crawl",
      description = "Folder of the WARC files and the crawl journal (default: ${DEFAULT-VALUE}).")
  Path outFolder;

  @Option(
      names = "--max-pages",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Pages to fetch in all (default: ${DEFAULT-VALUE}).")
  int maxPages;

  @Option(
      names = "--max-depth",
      paramLabel = "D",
      defaultValue = "5",
      description =
          "Links to follow from a seed; 0 fetches the seeds only (default: ${DEFAULT-VALUE}).")
  int maxDepth;

  @Option(
      names = "--max-per-host",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Pages to fetch from one host (default: ${DEFAULT-VALUE}).")
  int maxPerHost;

  @Option(
      names = "--scope",
      paramLabel = "host|domain|prefix",
      defaultValue = "host",
      description =
          "Which links to follow: the seed's host, its domain with sub-domains, or URLs under the"
              + " seed's folder (default: ${DEFAULT-VALUE}).")
  String scope;

  @Option(
      names = "--delay",
      paramLabel = "MS",
      defaultValue = "1000",
      description =
          "Least milliseconds between requests to one host; robots.txt Crawl-delay wins if larger"
              + " (default: ${DEFAULT-VALUE}).")
  long delayMillis;

  @Option(
      names = "--timeout",
      paramLabel = "MS",
      defaultValue = "30000",
      description = "Timeout of one request (default: ${DEFAULT-VALUE}).")
  long timeoutMillis;

  @Option(
      names = "--max-size",
      paramLabel = "BYTES",
      defaultValue = "10485760",
      description = "Longer responses are cut and marked truncated (default: ${DEFAULT-VALUE}).")
  long maxSize;

  @Option(
      names = "--max-query-variants",
      paramLabel = "N",
      defaultValue = "" + CrawlConfig.DEFAULT_MAX_QUERY_VARIANTS,
      description =
          "Query-string variants a site makes of its own pages (a calendar's next month, sort"
              + " orders, filters) followed per path pattern (digits collapsed); more are skipped"
              + " as traps (default: ${DEFAULT-VALUE}).")
  int maxQueryVariants;

  @Option(
      names = "--user-agent",
      paramLabel = "UA",
      defaultValue = CrawlConfig.DEFAULT_USER_AGENT,
      description =
          "Sent with every request and matched in robots.txt (default: ${DEFAULT-VALUE}).")
  String userAgent;

  @Option(
      names = "--recrawl",
      description =
          "Start a new pass over a finished crawl: conditional GETs, revisit records for unchanged"
              + " pages.")
  boolean recrawl;

  @Option(
      names = "--allow-private",
      description =
          "Follow links into loopback, link-local and private addresses (by default only when a"
              + " seed is on one).")
  boolean allowPrivate;

  @Option(
      names = "--index",
      description = "Afterwards, bring the index up to date with --corpus (as reindex does).")
  boolean index;

  @Option(
      names = "--corpus",
      paramLabel = "DIR",
      defaultValue = "${env:SANDIQ_HOME:-.}/corpus",
      description =
          "Corpus folder for --index; --out must be inside it (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(
      names = "--index-dir",
      paramLabel = "DIR",
      defaultValue = "${env:SANDIQ_HOME:-.}/index",
      description = "Index folder for --index (default: ${DEFAULT-VALUE}).")
  Path indexDir;

  @picocli.CommandLine.Mixin BackendOptions backend;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CrawlScope crawlScope;
    try {
      crawlScope = CrawlScope.valueOf(scope.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      err.println("sandiq: --scope must be host, domain or prefix, not '" + scope + "'");
      return Main.EXIT_FATAL;
    }
    if (maxPages < 1
        || maxDepth < 0
        || maxPerHost < 1
        || delayMillis < 0
        || timeoutMillis < 1
        || maxSize < 1
        || maxQueryVariants < 1) {
      err.println(
          "sandiq: --max-pages, --max-per-host, --timeout, --max-size and --max-query-variants"
              + " must be at least 1, --max-depth and --delay at least 0");
      return Main.EXIT_FATAL;
    }
    Path outDir = outFolder.toAbsolutePath().normalize();
    Path corpusDir = corpus.toAbsolutePath().normalize();
    if (index && !outDir.startsWith(corpusDir)) {
      // An incremental reindex deletes the documents of files outside the corpus: refuse rather
      // than index the crawl and lose the rest, or index the rest and not the crawl.
      err.println(
          "sandiq: --index indexes --corpus "
              + corpusDir
              + ", but --out "
              + outDir
              + " is not inside it; put --out under the corpus or run reindex yourself");
      return Main.EXIT_FATAL;
    }
    CrawlConfig config =
        CrawlConfig.defaults(seeds, outDir)
            .withBounds(maxPages, maxDepth, crawlScope)
            .withTiming(
                Duration.ofMillis(delayMillis),
                Duration.ofMillis(timeoutMillis),
                Duration.ofMillis(Math.max(delayMillis, 1000)))
            .withLimits(maxPerHost, maxSize, 50)
            .withUserAgent(userAgent)
            .withRecrawl(recrawl, allowPrivate)
            .withMaxQueryVariants(maxQueryVariants);
    Crawler crawler = new Crawler(config);
    CrawlProgress progress = new CrawlProgress(err);
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              crawler.stop();
              try {
                finished.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "crawl-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      CrawlReport report = crawler.run(progress);
      progress.finish();
      out.println("crawl: " + report.summary());
      out.println("crawl: " + report.trapSummary());
      out.flush();
      if (crawler.stopped()) {
        err.println("crawl: stopped; run the same command again to resume");
        err.flush();
      }
    } catch (IllegalArgumentException e) {
      progress.finish();
      err.println("sandiq: " + e.getMessage());
      return Main.EXIT_FATAL;
    } finally {
      // Released only after the summary is out: on Ctrl-C the JVM ends when the hook returns.
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Shutting down already: the hook is running and waits for us.
      }
    }
    if (crawler.stopped()) {
      return 0; // interrupted: no reindex while the JVM shuts down
    }
    if (!index) {
      return 0;
    }
    ConsoleProgress indexing = new ConsoleProgress(err, "reindex");
    ReindexReport reindexed;
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
      reindexed =
          backend.isOpenSearch()
              ? IndexJobs.reindexOpenSearch(corpusDir, backend, false, indexing)
              : IndexJobs.reindex(corpusDir, indexDir, false, analyzers, indexing);
    } finally {
      indexing.finish();
    }
    out.println(reindexed.summary());
    out.flush();
    return reindexed.succeeded() ? 0 : Main.EXIT_PARTIAL;
  }
}
