package org.sandiq.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.DocumentIndex;
import org.sandiq.index.Fields;
import org.sandiq.index.FileStamp;
import org.sandiq.index.PreparedDocument;

/**
 * The write side of the OpenSearch backend, for the reindex job as {@link DocumentIndex} is.
 *
 * <p>A full rebuild ({@link Mode#REBUILD}) puts the index template, creates a new index {@code
 * alias-<time>} with no replicas and refresh off, bulk-loads it through {@link BulkLoader}, and at
 * {@link #commit()} restores replicas and refresh, waits for its primaries, and switches the alias
 * to it and deletes the indices it pointed to in one {@code _aliases} request: searches go from the
 * old index to the complete new one, never to a half-built one (the embedded promise). Closed
 * without a commit, the new index is deleted and the alias never moved.
 *
 * <p>An update ({@link Mode#UPDATE}) writes through the alias with refresh off, deleting a changed
 * file's documents by query on {@code file} and recording files as embedded does; {@link #commit()}
 * refreshes, so the changes become visible together (refresh off delays them; OpenSearch has no
 * transaction that could make them atomic).
 */
public final class OpenSearchIndex implements DocumentIndex {
  /** How the index is opened. */
  public enum Mode {
    /** Write a new index and switch the alias to it at commit. */
    REBUILD,
    /** Change the index behind the alias in place (created as a rebuild if there is none). */
    UPDATE
  }

  private static final DateTimeFormatter INDEX_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  /**
   * How long a rebuild waits for its copies in all (copying 20-40 GB shards takes minutes), asked
   * in health requests of {@value #COPIES_POLL_S} s each, under the client's 3-minute response
   * timeout, so the cluster, not the client, ends each wait.
   */
  private static final long COPIES_TIMEOUT_S = 1800;

  private static final long COPIES_POLL_S = 60;

  private final ClusterClient cluster;
  private final IndexLayout layout;
  private final AnalysisProfile profile;
  private final boolean rebuild;
  private final String target;
  private BulkLoader loader;
  private boolean committed;

  private OpenSearchIndex(
      ClusterClient cluster,
      IndexLayout layout,
      AnalysisProfile profile,
      boolean rebuild,
      String target)
      throws IOException {
    this.cluster = cluster;
    this.layout = layout;
    this.profile = profile;
    this.rebuild = rebuild;
    this.target = target;
    this.loader = new BulkLoader(cluster.client(), target);
  }

  /**
   * Opens the index of {@code layout} on {@code cluster} for writing.
   *
   * @param profile the analysis (multilingual only: the plugin's analyzers)
   */
  public static OpenSearchIndex open(
      ClusterClient cluster, IndexLayout layout, AnalysisProfile profile, Mode mode)
      throws IOException {
    cluster.json("PUT", "/_index_template/" + layout.templateName(), layout.template(profile));
    boolean hasAlias = cluster.exists("/_alias/" + layout.alias());
    if (mode == Mode.UPDATE && hasAlias) {
      // Fields added since the index was built (capture names, a page's other text) are mapped
      // on it first: its mapping is strict, and refused every document that has them.
      cluster.json(
          "PUT",
          "/" + layout.alias() + "/_mapping",
          Map.of("properties", IndexLayout.properties(profile)));
      cluster.json("PUT", "/" + layout.alias() + "/_settings", refresh("-1"));
      return new OpenSearchIndex(cluster, layout, profile, false, layout.alias());
    }
    String index = layout.alias() + "-" + INDEX_TIME.format(Instant.now());
    Map<String, Object> settings = new LinkedHashMap<>();
    // The full load: no replicas to copy every segment to, no refreshes; restored at commit.
    settings.put("number_of_replicas", 0);
    settings.put("refresh_interval", "-1");
    try {
      cluster.json("PUT", "/" + index + "?timeout=2m", Map.of("settings", settings));
    } catch (IOException e) {
      // The name is this run's own (time to the millisecond): "already exists" means a retry of
      // this very request found it done.
      if (!String.valueOf(e.getMessage()).contains("resource_already_exists_exception")) {
        throw e;
      }
    }
    return new OpenSearchIndex(cluster, layout, profile, true, index);
  }

  /** The concrete index (rebuild) or the alias (update) this writes to. */
  public String target() {
    return target;
  }

  @Override
  public Map<String, FileStamp> files() throws IOException {
    Map<String, FileStamp> files = new HashMap<>();
    if (rebuild) {
      return files;
    }
    List<Object> after = null;
    while (true) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("size", 5000);
      body.put("query", Map.of("term", Map.of(Fields.KIND, Fields.KIND_FILE)));
      body.put(
          "_source",
          List.of(Fields.FILE_PATH, Fields.FILE_HASH, Fields.FILE_SIZE, Fields.FILE_MODIFIED));
      body.put("sort", List.of(Map.of(Fields.FILE_PATH, "asc")));
      if (after != null) {
        body.put("search_after", after);
      }
      JsonNode hits =
          cluster.json("POST", "/" + target + "/_search", body).path("hits").path("hits");
      for (JsonNode hit : hits) {
        JsonNode s = hit.path("_source");
        String path = s.path(Fields.FILE_PATH).asText();
        files.put(
            path,
            new FileStamp(
                path,
                s.path(Fields.FILE_HASH).asText(),
                s.path(Fields.FILE_SIZE).asLong(),
                s.path(Fields.FILE_MODIFIED).asLong()));
      }
      if (hits.size() < 5000) {
        return files;
      }
      after = new ArrayList<>();
      for (JsonNode value : hits.get(hits.size() - 1).path("sort")) {
        after.add(value.asText());
      }
    }
  }

  /** Sends what the loader holds and refreshes, so this run's captures are found too. */
  @Override
  public Map<String, String> capturesNamed(Collection<String> names) throws IOException {
    if (names.isEmpty()) {
      return Map.of();
    }
    loader.finish();
    loader = new BulkLoader(cluster.client(), target);
    cluster.json("POST", "/" + target + "/_refresh", null);
    return ClusterCaptures.sources(cluster, target, names);
  }

  @Override
  public void deleteFile(String file) throws IOException {
    if (rebuild) {
      return; // a new index holds nothing of an earlier run
    }
    // Documents of this run for the file are still in the loader, not yet refreshed: safe.
    cluster.json(
        "POST",
        "/" + target + "/_delete_by_query?conflicts=proceed",
        Map.of("query", Map.of("term", Map.of(Fields.FILE, file))));
  }

  @Override
  public void add(PreparedDocument document) throws IOException {
    loader.add(document.document().id(), DocumentSources.content(document, profile));
  }

  @Override
  public void recordFile(FileStamp stamp) throws IOException {
    loader.add(DocumentSources.fileRecordId(stamp.file()), DocumentSources.fileRecord(stamp));
  }

  /**
   * Merges a rebuild's new index into one segment per shard before its commit adds the replicas,
   * which then copy the merged segments instead of merging on their own. An update in place is left
   * to the cluster's merge policy.
   */
  @Override
  public void compact() throws IOException {
    if (!rebuild) {
      return;
    }
    loader.finish();
    loader = new BulkLoader(cluster.client(), target);
    cluster.json("POST", "/" + target + "/_forcemerge?max_num_segments=1", null);
  }

  @Override
  public void commit() throws IOException {
    loader.finish();
    loader = new BulkLoader(cluster.client(), target);
    if (rebuild) {
      // A Lucene commit of the primaries first: a new replica then copies their segment files.
      // Without it the last commit is the empty index, and each replica is built by replaying
      // every document of the translog, analysing the whole corpus once more (measured in
      // SCALING.md: the 3-node load's recovery took longer than the load).
      cluster.json("POST", "/" + target + "/_flush?wait_if_ongoing=true", null);
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("number_of_replicas", layout.replicas());
      settings.put("refresh_interval", null);
      cluster.json("PUT", "/" + target + "/_settings", settings);
      cluster.json("POST", "/" + target + "/_refresh", null);
      awaitCopies();
      switchAlias();
    } else {
      cluster.json("POST", "/" + target + "/_refresh", null);
    }
    committed = true;
  }

  /**
   * Waits until the new index has every copy it can have before the old index is dropped: green
   * (primaries and replicas) when the cluster has enough data nodes for the replicas, else yellow
   * (primaries; a 1-node cluster never places a replica). Dropping the old index while the new one
   * had its primaries only would leave one copy of everything: a node lost then would lose data the
   * old index still held twice. A timeout fails the run and leaves the alias where it was.
   */
  private void awaitCopies() throws IOException {
    int dataNodes =
        cluster.json("GET", "/_cluster/health", null).path("number_of_data_nodes").asInt();
    String status = dataNodes > layout.replicas() ? "green" : "yellow";
    long deadline = System.nanoTime() + COPIES_TIMEOUT_S * 1_000_000_000L;
    while (true) {
      try {
        cluster.json(
            "GET",
            "/_cluster/health/"
                + target
                + "?wait_for_status="
                + status
                + "&timeout="
                + COPIES_POLL_S
                + "s",
            null);
        return;
      } catch (IOException e) {
        // 408: not there yet; anything else (the cluster gone) ends the run.
        if (!String.valueOf(e.getMessage()).contains(": 408 ") || System.nanoTime() > deadline) {
          throw new IOException(
              "the new index " + target + " did not reach " + status + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /** Points the alias at the new index and deletes its old indices, in one cluster action. */
  private void switchAlias() throws IOException {
    List<Object> actions = new ArrayList<>();
    actions.add(Map.of("add", Map.of("index", target, "alias", layout.alias())));
    if (cluster.exists("/_alias/" + layout.alias())) {
      JsonNode current = cluster.json("GET", "/_alias/" + layout.alias(), null);
      current
          .fieldNames()
          .forEachRemaining(
              old -> {
                if (!old.equals(target)) {
                  actions.add(Map.of("remove_index", Map.of("index", old)));
                }
              });
    }
    cluster.json("POST", "/_aliases", Map.of("actions", actions));
  }

  private static Map<String, Object> refresh(String interval) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("refresh_interval", interval);
    return settings;
  }

  /**
   * Ends the writing. A rebuild not committed deletes its new index (the alias never saw it); an
   * update gets its refresh back.
   */
  /**
   * Deletes the indices behind {@code layout}'s alias (and so the alias) and its template: for an
   * index made for one run, as {@code eval retrieval --backend opensearch} makes.
   */
  public static void drop(ClusterClient cluster, IndexLayout layout) throws IOException {
    if (cluster.exists("/_alias/" + layout.alias())) {
      List<String> indices = new ArrayList<>();
      cluster
          .json("GET", "/_alias/" + layout.alias(), null)
          .fieldNames()
          .forEachRemaining(indices::add);
      for (String index : indices) {
        cluster.json("DELETE", "/" + index, null);
      }
    }
    if (cluster.exists("/_index_template/" + layout.templateName())) {
      cluster.json("DELETE", "/_index_template/" + layout.templateName(), null);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      loader.abandon();
    } finally {
      if (rebuild && !committed) {
        cluster.json("DELETE", "/" + target, null);
      } else if (!rebuild) {
        cluster.json("PUT", "/" + target + "/_settings", refresh(null));
      }
    }
  }
}
