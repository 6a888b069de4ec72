package org.sandiq.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.sandiq.opensearch.IndexLayout;
import picocli.CommandLine.Option;

/**
 * Where the index lives: {@code --backend embedded} (the default: a Lucene index folder) or {@code
 * --backend opensearch --opensearch URL[,URL…]} with the alias, shards and replicas of the
 * OpenSearch index.
 */
final class BackendOptions {
  /** The backends. */
  enum Backend {
    embedded,
    opensearch
  }

  @Option(
      names = "--backend",
      paramLabel = "NAME",
      defaultValue = "embedded",
      description =
          "embedded (the default: the Lucene index folder of --index) or opensearch (an OpenSearch"
              + " cluster with Sandiq's analysis plugin, at --opensearch).")
  Backend backend;

  @Option(
      names = "--opensearch",
      paramLabel = "URL[,URL...]",
      split = ",",
      description = "The OpenSearch nodes to talk to, e.g. http://127.0.0.1:9200.")
  List<URI> urls = new ArrayList<>();

  @Option(
      names = "--opensearch-index",
      paramLabel = "NAME",
      defaultValue = IndexLayout.DEFAULT_ALIAS,
      description =
          "The alias searches use; a full rebuild writes NAME-<time> and switches the alias"
              + " (default: ${DEFAULT-VALUE}).")
  String alias;

  @Option(
      names = "--shards",
      paramLabel = "N",
      defaultValue = "1",
      description = "Primary shards of a new OpenSearch index (default: ${DEFAULT-VALUE}).")
  int shards;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Replicas per shard once loaded (a full load runs with 0; default: ${DEFAULT-VALUE}).")
  int replicas;

  boolean isOpenSearch() {
    return backend == Backend.opensearch;
  }

  /** The OpenSearch index's layout; a clear error when the addresses are missing. */
  IndexLayout layout() {
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("--backend opensearch needs --opensearch URL[,URL...]");
    }
    return new IndexLayout(alias, shards, replicas);
  }
}
