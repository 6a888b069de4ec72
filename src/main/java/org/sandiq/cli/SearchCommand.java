package org.sandiq.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.LuceneIndex;
import org.sandiq.search.InvalidRequestException;
import org.sandiq.search.SearchLimits;
import org.sandiq.search.SearchRequest;
import org.sandiq.search.SearchResponse;
import org.sandiq.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sandiq search QUERY}: the API's search, from the terminal. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Searches the index, as GET /api/search does.",
      "Query syntax: words (all must match), \"phrases\", OR, -exclude, (groups), prefix*, fuzzy~."
    })
final class SearchCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "QUERY",
      arity = "1..*",
      description = "The query (words may be given unquoted).")
  List<String> words;

  @Mixin IndexLocation location;

  @Mixin BackendOptions backend;

  @Option(
      names = "--lang",
      paramLabel = "L",
      description = "Only documents in language L (az, en, ru, tr, und).")
  String lang;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "10",
      description = "How many hits to show (default: ${DEFAULT-VALUE}, at most 100).")
  int limit;

  @Option(names = "--json", description = "Print the API's JSON response.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!backend.isOpenSearch() && !LuceneIndex.exists(location.index)) {
      throw new IOException(
          "no index at " + location.index + ": build one with ./sandiq reindex first");
    }
    SearchRequest request = new SearchRequest(String.join(" ", words), lang, 1, limit);
    SearchResponse response;
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        SearchService search =
            backend.searchService(location.index, analyzers, SearchLimits.DEFAULT)) {
      response = search.search(request);
    } catch (InvalidRequestException e) {
      spec.commandLine().getErr().println("sandiq: " + e.getMessage());
      return Main.EXIT_FATAL;
    }
    if (json) {
      out.println(new ObjectMapper().writeValueAsString(response));
    } else {
      print(out, response);
    }
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, SearchResponse response) {
    out.printf(
        Locale.ROOT,
        "%d %s for \"%s\" (%d ms)%n",
        response.total(),
        response.total() == 1 ? "document" : "documents",
        response.query(),
        response.tookMs());
    int rank = 1;
    for (SearchResponse.Hit hit : response.hits()) {
      out.println();
      StringBuilder meta = new StringBuilder(hit.lang());
      if (hit.site() != null) {
        meta.append(" · ").append(hit.site());
      }
      if (hit.date() != null) {
        meta.append(" · ").append(hit.date(), 0, 10);
      }
      out.printf(Locale.ROOT, "%2d. %s  [%s]%n", rank++, hit.title(), meta);
      out.println("    " + hit.url());
      out.println("    " + plain(hit.snippet()));
    }
  }

  /** The snippet as terminal text: marks become [brackets], entities characters. */
  static String plain(String snippet) {
    return snippet
        .replace("<mark>", "[")
        .replace("</mark>", "]")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&");
  }
}
