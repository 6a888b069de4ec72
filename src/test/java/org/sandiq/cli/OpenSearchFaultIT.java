package org.sandiq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.testing.OpenSearchCluster;
import org.sandiq.testing.SharedOpenSearch;

/**
 * A data node SIGKILLed during a full {@code reindex --backend opensearch} (3 shards, 1 replica)
 * and started again at once, as a supervisor would: the reindex finishes, or fails with a non-zero
 * exit and a message naming the failure and a rerun finishes; either way every document is behind
 * the alias at the end, and the cluster is green with all its nodes again for the tests after.
 */
@ExtendWith(SharedOpenSearch.class)
class OpenSearchFaultIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALIAS = "sandiq-it-fault";
  private static final int FILES = 24;
  private static final int PER_FILE = 500;
  private static final int DOCUMENTS = FILES * PER_FILE;

  @TempDir Path dir;

  @Test
  void aNodeKilledDuringAFullReindexLosesNothing(OpenSearchCluster cluster) throws Exception {
    Path corpus = generate(dir.resolve("corpus"));
    String urls = cluster.uris().stream().map(URI::toString).collect(Collectors.joining(","));
    String[] args = {
      "reindex",
      "--corpus",
      corpus.toString(),
      "--backend",
      "opensearch",
      "--opensearch",
      urls,
      "--opensearch-index",
      ALIAS,
      "--shards",
      "3",
      "--replicas",
      "1",
      "--full"
    };
    CompletableFuture<CommandLineTest.Run> first =
        CompletableFuture.supplyAsync(() -> CommandLineTest.run(args));

    String index = awaitFirstBulk(cluster, first);
    int victim = nodeWithAPrimary(cluster, index);
    cluster.kill(victim);
    assertFalse(first.isDone(), "the kill landed while the reindex was still loading");
    cluster.restart(victim);

    CommandLineTest.Run run = first.get(10, TimeUnit.MINUTES);
    System.out.printf(
        "fault: killed node-%d during the load of %s; first reindex exit %d: %s%n",
        victim, index, run.exit(), lastLine(run.exit() == 0 ? run.out() : run.err()));
    if (run.exit() != 0) {
      // Failed clearly: a message naming what OpenSearch did, the alias never moved to a half
      // index.
      assertTrue(run.err().contains("sandiq: "), run.err());
      assertTrue(run.err().toLowerCase().contains("opensearch"), run.err());
      CommandLineTest.Run rerun = CommandLineTest.run(args);
      assertEquals(0, rerun.exit(), rerun.err());
      System.out.printf("fault: rerun: %s%n", lastLine(rerun.out()));
    }

    JsonNode health =
        get(cluster, "GET", "/_cluster/health?wait_for_status=green&timeout=120s", null);
    assertEquals("green", health.path("status").asText(), health.toString());
    assertEquals(cluster.nodes().size(), health.path("number_of_nodes").asInt());
    assertEquals(SharedOpenSearch.NODES, cluster.nodes().size());
    assertEquals(
        DOCUMENTS,
        get(cluster, "POST", "/" + ALIAS + "/_count", "{\"query\":{\"term\":{\"kind\":\"doc\"}}}")
            .path("count")
            .asLong(),
        "every document behind the alias");
    JsonNode aliased = get(cluster, "GET", "/_alias/" + ALIAS, null);
    assertEquals(1, aliased.size(), "one index behind the alias: " + aliased);
    JsonNode settings = get(cluster, "GET", "/" + ALIAS + "/_settings", null);
    assertEquals(
        "1",
        settings
            .elements()
            .next()
            .path("settings")
            .path("index")
            .path("number_of_replicas")
            .asText(),
        "the replica restored after the load");
  }

  /** The new index's name, once OpenSearch has indexed the first bulk request into it. */
  private static String awaitFirstBulk(
      OpenSearchCluster cluster, CompletableFuture<CommandLineTest.Run> reindex) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      if (reindex.isDone()) {
        throw new AssertionError("the reindex ended before any bulk was seen: " + reindex.get());
      }
      JsonNode indices =
          get(cluster, "GET", "/_cat/indices/" + ALIAS + "-*?format=json&h=index", null);
      if (!indices.isEmpty()) {
        String index = indices.get(0).path("index").asText();
        HttpResponse<String> stats = cluster.request("GET", "/" + index + "/_stats/indexing", null);
        if (stats.statusCode() == 200
            && JSON.readTree(stats.body())
                    .path("_all")
                    .path("primaries")
                    .path("indexing")
                    .path("index_total")
                    .asLong()
                > 0) {
          return index;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no bulk request reached the cluster in 3 minutes");
  }

  /** A node other than the first (the one the test's requests go to) holding a primary shard. */
  private static int nodeWithAPrimary(OpenSearchCluster cluster, String index) throws Exception {
    JsonNode shards =
        get(cluster, "GET", "/_cat/shards/" + index + "?format=json&h=prirep,node", null);
    List<String> names = cluster.nodes().stream().map(OpenSearchCluster.Node::name).toList();
    for (JsonNode shard : shards) {
      int node = names.indexOf(shard.path("node").asText());
      if ("p".equals(shard.path("prirep").asText()) && node > 0) {
        return node;
      }
    }
    return 1;
  }

  private static JsonNode get(OpenSearchCluster cluster, String method, String path, String body)
      throws Exception {
    HttpResponse<String> response = cluster.request(method, path, body);
    assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
    return JSON.readTree(response.body());
  }

  /** {@value #FILES} JSON Lines files of {@value #PER_FILE} generated English documents each. */
  private static Path generate(Path corpus) throws Exception {
    Files.createDirectories(corpus);
    String[] words =
        ("archive river town history market winter bridge council school harbour railway"
                + " festival museum library garden mountain village report season century")
            .split(" ");
    Random random = new Random(13);
    for (int f = 0; f < FILES; f++) {
      StringBuilder lines = new StringBuilder();
      for (int d = 0; d < PER_FILE; d++) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 80; w++) {
          text.append(words[random.nextInt(words.length)]).append(w % 12 == 11 ? ". " : " ");
        }
        lines.append(
            JSON.writeValueAsString(
                java.util.Map.of(
                    "id", "f" + f + "-" + d,
                    "title", "Report " + f + "-" + d,
                    "text", text.toString().strip() + " Number " + f + "-" + d + ".",
                    "lang", "en")));
        lines.append('\n');
      }
      Files.writeString(corpus.resolve("part-" + f + ".jsonl"), lines, StandardCharsets.UTF_8);
    }
    return corpus;
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
  }
}
