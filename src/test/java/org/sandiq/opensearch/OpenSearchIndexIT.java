package org.sandiq.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.ingest.Corpus;
import org.sandiq.reindex.ReindexListener;
import org.sandiq.reindex.ReindexReport;
import org.sandiq.reindex.Reindexer;
import org.sandiq.testing.DedupCrawls;
import org.sandiq.testing.Fixtures;
import org.sandiq.testing.OpenSearchCluster;
import org.sandiq.testing.RunawayKeys;
import org.sandiq.testing.SharedOpenSearch;

/**
 * The reindex job writing to a real 3-node OpenSearch cluster through {@link OpenSearchIndex}: a
 * full rebuild of the shipped corpus lands whole behind the alias with the replicas restored, a
 * second rebuild moves the alias and drops the old index, and an incremental run follows changed,
 * removed and new files.
 */
@ExtendWith(SharedOpenSearch.class)
class OpenSearchIndexIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static OpenSearchCluster cluster;
  private static ClusterClient client;

  @TempDir Path dir;

  @BeforeAll
  static void connect(OpenSearchCluster shared) throws IOException {
    cluster = shared;
    client = ClusterClient.connect(shared.uris());
  }

  @AfterAll
  static void disconnect() throws IOException {
    client.close();
  }

  private static ReindexReport reindex(Path corpus, IndexLayout layout, boolean full)
      throws IOException {
    try (OpenSearchIndex index =
        OpenSearchIndex.open(
            client,
            layout,
            AnalysisProfile.MULTILINGUAL,
            full ? OpenSearchIndex.Mode.REBUILD : OpenSearchIndex.Mode.UPDATE)) {
      return new Reindexer(new Corpus(corpus), new LanguageDetector(), 2)
          .run(index, full, ReindexListener.NONE);
    }
  }

  private static JsonNode get(String method, String path, String body) throws Exception {
    HttpResponse<String> response = cluster.request(method, path, body);
    assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
    return JSON.readTree(response.body());
  }

  private static long documents(String alias) throws Exception {
    return get("POST", "/" + alias + "/_count", "{\"query\":{\"term\":{\"kind\":\"doc\"}}}")
        .path("count")
        .asLong();
  }

  private static List<String> indicesOf(String alias) throws Exception {
    List<String> indices = new ArrayList<>();
    get("GET", "/_alias/" + alias, null).fieldNames().forEachRemaining(indices::add);
    return indices;
  }

  private static long hits(String alias, String field, String words) throws Exception {
    String query =
        JSON.createObjectNode()
            .set(
                "query",
                JSON.createObjectNode().set("match", JSON.createObjectNode().put(field, words)))
            .toString();
    return get("POST", "/" + alias + "/_search", query)
        .path("hits")
        .path("total")
        .path("value")
        .asLong();
  }

  @Test
  void fullRebuildOfTheShippedCorpusLandsWholeBehindTheAlias() throws Exception {
    IndexLayout layout = new IndexLayout("sandiq-it-corpus", 2, 1);
    ReindexReport report = reindex(Fixtures.shippedCorpus(), layout, true);
    System.out.println("OpenSearch full rebuild of the shipped corpus: " + report.summary());

    assertTrue(report.documents() > 100, report.summary());
    assertEquals(report.documents(), documents(layout.alias()), "every document is searchable");
    List<String> indices = indicesOf(layout.alias());
    assertEquals(1, indices.size(), "the alias points at the one new index");
    JsonNode settings =
        get("GET", "/" + indices.getFirst() + "/_settings?flat_settings=true", null)
            .path(indices.getFirst())
            .path("settings");
    assertEquals("1", settings.path("index.number_of_replicas").asText(), "replicas restored");
    assertEquals("2", settings.path("index.number_of_shards").asText());
    assertTrue(settings.path("index.refresh_interval").isMissingNode(), "refresh restored");
    // Searches through the alias use the plugin's analysis: ASCII typing, cross-script names.
    assertTrue(hits(layout.alias(), "text_folded", "xankendi") > 0, "folded field");
    assertTrue(hits(layout.alias(), "text_xscript", "Ходжалы") > 0, "cross-script field");
    assertTrue(hits(layout.alias(), "text_az", "torpaqlarımızı") > 0, "Azerbaijani stemming");
    assertTrue(hits(layout.alias(), "collection", "warc") > 0, "collections: top folders");
    // The analysed copies are indexed, not kept: _source holds the stored text once.
    JsonNode hit =
        get(
                "POST",
                "/" + layout.alias() + "/_search?size=1",
                "{\"query\":{\"term\":{\"kind\":\"doc\"}}}")
            .path("hits")
            .path("hits")
            .get(0)
            .path("_source");
    assertTrue(hit.has("text") && !hit.has("text_folded"), hit.toString());
  }

  @Test
  void rebuildSwitchesTheAliasAndAnUpdateFollowsTheFiles() throws Exception {
    IndexLayout layout = new IndexLayout("sandiq-it-small", 1, 1);
    Path corpus = dir.resolve("corpus");
    Fixtures.write(corpus, "a/one.txt", "Birinci sənəd\n\nXankəndi haqqında birinci mətn.");
    Fixtures.write(corpus, "a/two.txt", "Second document\n\nThe archive keeps the second text.");
    Fixtures.write(corpus, "b/three.txt", "Третий документ\n\nХоджалы и третий текст.");

    reindex(corpus, layout, true);
    assertEquals(3, documents(layout.alias()));
    String first = indicesOf(layout.alias()).getFirst();

    reindex(corpus, layout, true);
    List<String> now = indicesOf(layout.alias());
    assertEquals(1, now.size());
    assertFalse(now.contains(first), "a rebuild writes a new index");
    HttpResponse<String> old = cluster.request("GET", "/" + first, null);
    assertEquals(404, old.statusCode(), "the old index is deleted with the switch");
    assertEquals(3, documents(layout.alias()));

    Fixtures.write(corpus, "a/one.txt", "Birinci sənəd\n\nİndi Şuşa haqqında yeni mətn.");
    Files.delete(corpus.resolve("a/two.txt"));
    Fixtures.write(corpus, "c/four.txt", "Fourth document\n\nA new file about Ganja.");
    // A different modification time for the changed file, whatever the clock's resolution.
    Files.setLastModifiedTime(
        corpus.resolve("a/one.txt"),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    ReindexReport update = reindex(corpus, layout, false);

    assertEquals(1, update.deleted(), update.summary());
    assertEquals(now, indicesOf(layout.alias()), "an update writes in place");
    assertEquals(3, documents(layout.alias()));
    assertEquals(0, hits(layout.alias(), "text_folded", "xankendi"), "the old text is gone");
    assertEquals(1, hits(layout.alias(), "text_folded", "susa"), "the new text is there");
    assertEquals(0, hits(layout.alias(), "text_en", "archive"), "the removed file is gone");
    assertEquals(1, hits(layout.alias(), "text_en", "ganja"), "the new file is there");
    JsonNode settings =
        get("GET", "/" + layout.alias() + "/_settings?flat_settings=true", null)
            .path(now.getFirst())
            .path("settings");
    assertTrue(settings.path("index.refresh_interval").isMissingNode(), "refresh restored");

    ReindexReport unchanged = reindex(corpus, layout, false);
    assertEquals(3, unchanged.skipped(), unchanged.summary());
  }

  @Test
  void aRevisitOfAnEarlierCrawlsCaptureIsFoundInTheCluster() throws Exception {
    IndexLayout layout = new IndexLayout("sandiq-it-dedup-one", 1, 0);
    Path corpus = dir.resolve("corpus");
    DedupCrawls.writeFirst(corpus, "crawls/2023.warc.gz");
    DedupCrawls.writeSecond(corpus, "crawls/2024.warc.gz");
    ReindexReport full = reindex(corpus, layout, true);
    assertEquals(new ReindexReport.Revisits(1, 1), full.revisits(), full.summary());
    assertEquals(2, hits(layout.alias(), "text_folded", DedupCrawls.WORD));

    // The next crawl, added to the index that holds the first: found through the cluster.
    Path later = dir.resolve("later");
    IndexLayout laterLayout = new IndexLayout("sandiq-it-dedup-two", 1, 0);
    DedupCrawls.writeFirst(later, "crawls/2023.warc.gz");
    reindex(later, laterLayout, true);
    DedupCrawls.writeSecond(later, "crawls/2024.warc.gz");
    ReindexReport added = reindex(later, laterLayout, false);
    assertEquals(new ReindexReport.Revisits(1, 1), added.revisits(), added.summary());
    assertEquals(2, hits(laterLayout.alias(), "text_folded", DedupCrawls.WORD));
    assertEquals(2, documents(laterLayout.alias()));
  }

  @Test
  void runawayUrlsAndRecordIdsCostNoPageInTheCluster() throws Exception {
    IndexLayout layout = new IndexLayout("sandiq-it-runaway", 1, 0);
    Path corpus = dir.resolve("corpus");
    RunawayKeys.write(corpus);
    ReindexReport report = reindex(corpus, layout, true);
    assertTrue(report.succeeded(), report.failures().toString());
    assertEquals(3, documents(layout.alias()));
    assertEquals(3, hits(layout.alias(), "text_folded", RunawayKeys.WORD));
  }
}
