package org.sandiq.web;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.opensearch.ClusterClient;
import org.sandiq.opensearch.IndexLayout;
import org.sandiq.opensearch.OpenSearchSearchService;
import org.sandiq.search.SearchLimits;
import org.sandiq.search.SearchService;
import org.sandiq.testing.OpenSearchCluster;
import org.sandiq.testing.SharedOpenSearch;

/**
 * The API contract on the OpenSearch backend: the corpus loaded into the shared 3-node cluster (3
 * shards, 1 replica) by the reindex job, searched through the alias.
 */
@ExtendWith(SharedOpenSearch.class)
class OpenSearchApiIT extends ApiContract {
  private final OpenSearchCluster cluster;

  OpenSearchApiIT(OpenSearchCluster cluster) {
    this.cluster = cluster;
  }

  @Override
  SearchService open(Path corpus) throws Exception {
    IndexLayout layout = new IndexLayout("sandiq-it-api", 3, 1);
    cluster.load(corpus, layout);
    return new OpenSearchSearchService(
        ClusterClient.connect(cluster.uris()),
        layout.alias(),
        new FieldAnalyzers(new LanguageAnalyzers()),
        SearchLimits.DEFAULT);
  }

  @Override
  String backend() {
    return "opensearch";
  }
}
