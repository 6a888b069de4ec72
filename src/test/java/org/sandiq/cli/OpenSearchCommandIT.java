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
  }

  @Test
  void anUnreachableClusterIsAClearErrorAndExitTwo() {
    CommandLineTest.Run run =
        CommandLineTest.run(
            "reindex",
            "--corpus",
            dir.toString(),
            "--backend",
            "opensearch",
            "--opensearch",
            "http://127.0.0.1:1");
    assertEquals(Main.EXIT_FATAL, run.exit(), run.out());
    assertTrue(run.err().contains("does not answer"), run.err());
  }
}
