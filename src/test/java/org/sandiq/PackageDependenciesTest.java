package org.sandiq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package arrows of ARCHITECTURE.md, checked on the sources: each package uses only the Sandiq
 * packages and the libraries its row allows (imports and fully qualified names, comments aside). So
 * {@code ingest} stays the only home of Jsoup, {@code web} the only one of Javalin below {@code
 * cli}, and nothing below the batch job ({@code reindex}) or the query side reaches up to them.
 */
class PackageDependenciesTest {
  private static final Path SOURCES = Path.of("src/main/java/org/sandiq");

  /** Sandiq packages each package may use (besides itself). */
  private static final Map<String, Set<String>> SANDIQ =
      Map.of(
          "ingest", Set.of(),
          "analysis", Set.of(),
          "index", Set.of("ingest", "analysis"),
          "reindex", Set.of("ingest", "analysis", "index"),
          "search", Set.of("analysis", "index"),
          "web", Set.of("search"),
          "crawl", Set.of("ingest"),
          "eval", Set.of("ingest", "analysis", "index", "search"),
          "opensearch", Set.of("ingest", "analysis", "index", "search"),
          "cli",
              Set.of(
                  "ingest",
                  "analysis",
                  "index",
                  "reindex",
                  "search",
                  "web",
                  "crawl",
                  "eval",
                  "opensearch"));

  /** Libraries that only some packages may use, and which. */
  private static final Map<String, Set<String>> LIBRARIES =
      Map.ofEntries(
          Map.entry("org.jsoup", Set.of("ingest")),
          Map.entry("io.javalin", Set.of("web", "cli")),
          Map.entry("org.eclipse.jetty", Set.of("web")),
          Map.entry("io.micrometer", Set.of("web")),
          Map.entry(
              "org.apache.lucene", Set.of("analysis", "index", "search", "eval", "opensearch")),
          Map.entry("com.github.pemistahl.lingua", Set.of("analysis")),
          Map.entry("org.netpreserve.jwarc", Set.of("ingest", "crawl")),
          Map.entry("crawlercommons", Set.of("crawl")),
          Map.entry("picocli", Set.of("cli")),
          Map.entry("org.opensearch.client", Set.of("opensearch")),
          Map.entry("org.apache.hc", Set.of("opensearch")));

  private static final Pattern SANDIQ_NAME = Pattern.compile("\\borg\\.sandiq\\.([a-z]+)\\.");
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  @Test
  void everyPackageUsesOnlyWhatItsRowAllows() throws IOException {
    List<String> violations = new ArrayList<>();
    Set<String> packages = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = SOURCES.relativize(file).getName(0).toString();
        packages.add(pkg);
        String code =
            COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll(" ");
        Matcher m = SANDIQ_NAME.matcher(code);
        while (m.find()) {
          String used = m.group(1);
          if (!used.equals(pkg) && !SANDIQ.getOrDefault(pkg, Set.of()).contains(used)) {
            violations.add(SOURCES.relativize(file) + " uses " + used);
          }
        }
        LIBRARIES.forEach(
            (library, allowed) -> {
              if (code.contains(library + ".") && !allowed.contains(pkg)) {
                violations.add(SOURCES.relativize(file) + " uses " + library);
              }
            });
      }
    }
    assertEquals(SANDIQ.keySet(), packages, "every package has a row, every row a package");
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }
}
