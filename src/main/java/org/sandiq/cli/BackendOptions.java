package org.sandiq.cli;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.opensearch.ClusterClient;
import org.sandiq.opensearch.IndexLayout;
import org.sandiq.opensearch.OpenSearchSearchService;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.search.SearchLimits;
import org.sandiq.search.SearchService;
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

  @Option(
      names = "--backend-config",
      paramLabel = "FILE",
      description =
          "A properties file naming the backend instead of the options: backend=opensearch,"
              + " opensearch=URL[,URL...], opensearch-index=NAME, shards=N, replicas=N. Options"
              + " given on the command line win.")
  Path config;

  private boolean configRead;

  boolean isOpenSearch() {
    readConfig();
    return backend == Backend.opensearch;
  }

  /** Fills the options left at their defaults from {@code --backend-config}, once. */
  private void readConfig() {
    if (configRead || config == null) {
      return;
    }
    configRead = true;
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(config)) {
      p.load(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read --backend-config " + config + ": " + e);
    }
    if (backend == Backend.embedded && p.getProperty("backend") != null) {
      try {
        backend = Backend.valueOf(p.getProperty("backend").strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            config + ": backend must be embedded or opensearch, not " + p.getProperty("backend"));
      }
    }
    if (urls.isEmpty() && p.getProperty("opensearch") != null) {
      for (String url : p.getProperty("opensearch").split(",")) {
        if (!url.isBlank()) {
          urls.add(URI.create(url.strip()));
        }
      }
    }
    if (alias.equals(IndexLayout.DEFAULT_ALIAS) && p.getProperty("opensearch-index") != null) {
      alias = p.getProperty("opensearch-index").strip();
    }
    if (shards == 1 && p.getProperty("shards") != null) {
      shards = Integer.parseInt(p.getProperty("shards").strip());
    }
    if (replicas == 1 && p.getProperty("replicas") != null) {
      replicas = Integer.parseInt(p.getProperty("replicas").strip());
    }
  }

  /** Connects to the cluster (a clear error when it does not answer). */
  ClusterClient connect() throws IOException {
    layout();
    return ClusterClient.connect(urls);
  }

  /**
   * The search service of this backend: the Lucene index at {@code index}, or the OpenSearch index
   * behind the alias (a clear error when the cluster does not answer or has no such index).
   */
  SearchService searchService(Path index, LanguageAnalyzers analyzers, SearchLimits limits)
      throws IOException {
    if (!isOpenSearch()) {
      return new LuceneSearchService(index, IndexJobs.searchAnalyzers(index, analyzers), limits);
    }
    ClusterClient cluster = connect();
    try {
      if (!hasIndex(cluster)) {
        throw new IOException(
            "no index '"
                + alias
                + "' on OpenSearch at "
                + urls
                + ": build it with ./sandiq reindex --backend opensearch --opensearch "
                + urls.get(0));
      }
      return new OpenSearchSearchService(
          cluster, alias, new FieldAnalyzers(analyzers, AnalysisProfile.MULTILINGUAL), limits);
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** Whether the cluster has the alias (an index Sandiq built). */
  boolean hasIndex(ClusterClient cluster) throws IOException {
    return cluster.exists("/_alias/" + alias);
  }

  /** The OpenSearch index's layout; a clear error when the addresses are missing. */
  IndexLayout layout() {
    readConfig();
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("--backend opensearch needs --opensearch URL[,URL...]");
    }
    return new IndexLayout(alias, shards, replicas);
  }
}
