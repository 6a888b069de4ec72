package org.sandiq.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.DuplicateCounts;
import org.sandiq.reindex.ReindexReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sandiq reindex}: brings the index in step with the corpus folder. */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Indexes the corpus folder (.txt, .html, .htm, optionally .gz; .warc, .warc.gz, .arc,"
          + " .arc.gz; .jsonl, .ndjson; recursively).",
      "Incremental: unchanged files are skipped, changed ones replaced, removed ones deleted.",
      "Prints one line per web archive read: records, documents, records skipped by why (not a"
          + " page, not HTML, not text, not 2xx, empty, revisit) and each damaged place (offset:"
          + " reason).",
      "Ends with: indexed N, updated N, deleted N, skipped N, failed N in S s.",
      "Exit code 0 when every file was read, 1 when some failed or an archive was damaged (each"
          + " is named with its reason; what was readable is indexed), 2 when the reindex could"
          + " not run."
    })
final class ReindexCommand implements Callable<Integer> {
  @Mixin Locations locations;

  @Mixin BackendOptions backend;

  @Option(
      names = "--full",
      description =
          "Rebuild from scratch beside the live index; searchers switch to it atomically when it"
              + " is complete.")
  boolean full;

  @Option(
      names = "--no-compact",
      description =
          "With --full: leave the rebuilt index in the segments the writer made, instead of"
              + " merging it into as few as its size allows (one up to 5 GB) before it goes live."
              + " Faster to build, slower to search.")
  boolean noCompact;

  @Option(
      names = "--analyzer",
      paramLabel = "NAME",
      description =
          "multilingual (the default: language detection, per-language analyzers, folding,"
              + " cross-script names) or standard (Lucene's StandardAnalyzer only, for"
              + " benchmarks). Kept in the index; changing it needs --full.")
  String analyzer;

  @Spec CommandSpec spec;

  private AnalysisProfile profile() {
    if (analyzer == null) {
      return null;
    }
    return AnalysisProfile.fromCode(analyzer)
        .orElseThrow(
            () ->
                new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "--analyzer: '" + analyzer + "' is not one of multilingual, standard"));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), "reindex");
    ReindexReport report;
    if (backend.isOpenSearch() && analyzer != null && profile() != AnalysisProfile.MULTILINGUAL) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--backend opensearch has the multilingual analysis only");
    }
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
      report =
          backend.isOpenSearch()
              ? IndexJobs.reindexOpenSearch(locations.corpus, backend, full, !noCompact, progress)
              : IndexJobs.reindex(
                  locations.corpus,
                  locations.index,
                  full,
                  !noCompact,
                  profile(),
                  analyzers,
                  progress);
    } finally {
      progress.finish();
    }
    for (ReindexReport.Archive archive : report.archives()) {
      out.println("archive " + archive.line());
    }
    if (report.revisits().indexed() + report.revisits().notFound() > 0) {
      out.println(report.revisits().line());
    }
    if (!backend.isOpenSearch()) {
      out.println(DuplicateCounts.read(locations.index).line());
    }
    out.println(report.summary());
    out.flush();
    return report.succeeded() ? 0 : Main.EXIT_PARTIAL;
  }
}
