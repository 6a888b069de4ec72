package org.sandiq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.testing.Fixtures;
import org.sandiq.testing.OpenSearchCluster;
import org.sandiq.testing.SharedOpenSearch;

/** {@code reindex --backend opensearch}: the command wired to a real cluster, and its errors. */
@ExtendWith(SharedOpenSearch.class)
class OpenSearchCommandIT {
  @TempDir Path dir;

  @Test
  void reindexIntoTheClusterPrintsTheSummary(OpenSearchCluster cluster) throws Exception {
    Path corpus = dir.resolve("corpus");
    Fixtures.copyShipped(corpus, "seed/000_7171e9ebea0e3f35.txt", "seed/s.txt");
    String urls = cluster.uris().stream().map(URI::toString).collect(Collectors.joining(","));
    CommandLineTest.Run run =
        CommandLineTest.run(
            "reindex",
            "--corpus",
            corpus.toString(),
            "--backend",
            "opensearch",
            "--opensearch",
            urls,
            "--opensearch-index",
            "sandiq-it-cli",
            "--full");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("indexed 1"), run.out());
    assertEquals(
        200, cluster.request("GET", "/_alias/sandiq-it-cli", null).statusCode(), "alias made");

    // The search side of the same commands, by options and by a config file.
    CommandLineTest.Run search =
        CommandLineTest.run(
            "search",
            "Ходжалы",
            "--json",
            "--backend",
            "opensearch",
            "--opensearch",
            urls,
            "--opensearch-index",
            "sandiq-it-cli");
    assertEquals(0, search.exit(), search.err());
    assertTrue(search.out().contains("\"total\":1"), search.out());
    Path config = dir.resolve("backend.properties");
    java.nio.file.Files.writeString(
        config, "backend=opensearch\nopensearch=" + urls + "\nopensearch-index=sandiq-it-cli\n");
    CommandLineTest.Run configured =
        CommandLineTest.run("search", "Xocalı", "--backend-config", config.toString());
    assertEquals(0, configured.exit(), configured.err());
    assertTrue(configured.out().startsWith("1 document"), configured.out());
    Path exported = dir.resolve("export.jsonl");
    CommandLineTest.Run export =
        CommandLineTest.run(
            "export",
            "Khojaly",
            "--format",
            "jsonl",
            "-o",
            exported.toString(),
            "--backend-config",
            config.toString());
    assertEquals(0, export.exit(), export.err());
    assertEquals(1, java.nio.file.Files.readAllLines(exported).size(), export.err());
    CommandLineTest.Run missing =
        CommandLineTest.run(
            "search",
            "x",
            "--backend",
            "opensearch",
            "--opensearch",
            urls,
            "--opensearch-index",
            "sandiq-it-none");
    assertEquals(Main.EXIT_FATAL, missing.exit());
    assertTrue(missing.err().contains("no index 'sandiq-it-none'"), missing.err());
  }

  @Test
  void anUnreachableClusterIsAClearErrorAndExitTwo() {
    String[] unreachable = {"--backend", "opensearch", "--opensearch", "http://127.0.0.1:1"};
    for (String[] command :
        java.util.List.of(
            new String[] {"reindex", "--corpus", dir.toString()},
            new String[] {"search", "Khojaly"},
            new String[] {"export", "Khojaly"},
            new String[] {"serve", "--port", "0", "--corpus", dir.toString()})) {
      String[] args =
          java.util.stream.Stream.concat(
                  java.util.Arrays.stream(command), java.util.Arrays.stream(unreachable))
              .toArray(String[]::new);
      CommandLineTest.Run run = CommandLineTest.run(args);
      assertEquals(Main.EXIT_FATAL, run.exit(), command[0] + ": " + run.out());
      assertTrue(run.err().contains("does not answer"), command[0] + ": " + run.err());
    }
  }
}
