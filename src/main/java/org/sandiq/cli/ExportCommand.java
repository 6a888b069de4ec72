package org.sandiq.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.LuceneIndex;
import org.sandiq.ingest.Corpus;
import org.sandiq.search.InvalidRequestException;
import org.sandiq.search.SearchLimits;
import org.sandiq.search.SearchRequest;
import org.sandiq.search.SearchService;
import org.sandiq.web.Exports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sandiq export QUERY --format F}: every match of a query, as GET /api/export gives it. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes every match of a query (not only a page) as CSV, JSON Lines or WARC, streamed, as"
          + " GET /api/export does.",
      "An empty query (\"\") exports every document; filters: --lang, --site, --collection."
    })
final class ExportCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "QUERY",
      arity = "0..*",
      description = "The query, in the search syntax (url:, collection:, after: … included).")
  List<String> words = List.of();

  @Mixin Locations locations;

  @Mixin BackendOptions backend;

  @Option(
      names = "--format",
      paramLabel = "F",
      defaultValue = "jsonl",
      description = "csv, jsonl or warc (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path output;

  @Option(names = "--lang", paramLabel = "L", description = "Only documents in language L.")
  String lang;

  @Option(names = "--site", paramLabel = "S", description = "Only documents of site S.")
  String site;

  @Option(names = "--collection", paramLabel = "C", description = "Only collection C.")
  String collection;

  @Option(
      names = "--max",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "Refuse exports of more than N documents (default: ${DEFAULT-VALUE}).")
  long max;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!backend.isOpenSearch() && !LuceneIndex.exists(locations.index)) {
      throw new IOException(
          "no index at " + locations.index + ": build one with ./sandiq reindex first");
    }
    Exports.Format chosen;
    SearchRequest request;
    try {
      chosen = Exports.Format.parse(format);
      request =
          new SearchRequest(
              String.join(" ", words),
              lang,
              site,
              null,
              null,
              SearchRequest.SortOrder.RELEVANCE,
              1,
              SearchRequest.DEFAULT_SIZE,
              null,
              false,
              collection,
              null);
    } catch (InvalidRequestException e) {
      spec.commandLine().getErr().println("sandiq: " + e.getMessage());
      return Main.EXIT_FATAL;
    }
    long written;
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        SearchService search =
            backend.searchService(locations.index, analyzers, SearchLimits.DEFAULT);
        OutputStream out =
            new BufferedOutputStream(
                output == null ? new StandardOutput() : Files.newOutputStream(output), 64 * 1024)) {
      written =
          Exports.write(
              search, request, chosen, max, new CorpusArchive(new Corpus(locations.corpus)), out);
    } catch (InvalidRequestException e) {
      spec.commandLine().getErr().println("sandiq: " + e.getMessage());
      return Main.EXIT_FATAL;
    }
    spec.commandLine()
        .getErr()
        .println(
            "export: "
                + written
                + (written == 1 ? " document" : " documents")
                + (output == null ? "" : " written to " + output));
    return 0;
  }

  /** Standard output, flushed but never closed (the JVM owns it). */
  private static final class StandardOutput extends OutputStream {
    @Override
    public void write(int b) {
      System.out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      System.out.write(b, off, len);
    }

    @Override
    public void flush() {
      System.out.flush();
    }
  }
}
