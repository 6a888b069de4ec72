package org.sandiq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.opensearch.ClusterClient;
import org.sandiq.opensearch.IndexLayout;
import org.sandiq.opensearch.OpenSearchIndex;
import org.sandiq.opensearch.OpenSearchSearchService;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.search.SearchLimits;
import org.sandiq.search.SearchRequest;
import org.sandiq.search.SearchResponse;
import org.sandiq.search.SearchService;
import org.sandiq.testing.Fixtures;
import org.sandiq.testing.OpenSearchCluster;
import org.sandiq.testing.SharedOpenSearch;

/**
 * The OpenSearch backend ranks as the embedded one does, measured and pinned: the retrieval figures
 * of the small evaluation sets ({@code eval retrieval --backend opensearch}'s path) within 0.01 of
 * the embedded ones, each pinned in {@code retrieval_expected.tsv} as {@code opensearch}; and on
 * the shipped corpus, the top 10 of the 50 queries of {@code parity_queries.txt} overlapping the
 * embedded top 10 by at least 90 %, the figure pinned in {@code parity_expected.tsv}.
 */
@ExtendWith(SharedOpenSearch.class)
class OpenSearchParityIT {
  private final OpenSearchCluster cluster;

  OpenSearchParityIT(OpenSearchCluster cluster) {
    this.cluster = cluster;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "cacm, cacm/corpus.jsonl, cacm/queries.jsonl|cacm/qrels.tsv",
    "tr-histquad, tr-histquad-retrieval/corpus.jsonl,"
        + " tr-histquad-retrieval/queries.jsonl|tr-histquad-retrieval/qrels.tsv",
    "xquad-tr, xquad-retrieval-en-ru-tr/corpus.jsonl,"
        + " xquad-retrieval-en-ru-tr/queries.tr.jsonl|xquad-retrieval-en-ru-tr/qrels.tr.tsv",
  })
  void retrievalFiguresMatchEmbedded(String set, String corpus, String queriesAndQrels)
      throws IOException {
    TestCollection collection = RetrievalFiguresTest.collection(set, corpus, queriesAndQrels);
    IndexLayout layout = new IndexLayout("sandiq-it-eval-" + set, 2, 0);
    LanguageAnalyzers analyzers = new LanguageAnalyzers();
    ClusterClient writer = ClusterClient.connect(cluster.uris());
    RetrievalEvaluation result;
    try (writer;
        Retriever retriever =
            SandiqRetriever.load(
                collection.documents(),
                OpenSearchIndex.open(
                    writer, layout, AnalysisProfile.MULTILINGUAL, OpenSearchIndex.Mode.REBUILD),
                () ->
                    new OpenSearchSearchService(
                        ClusterClient.connect(cluster.uris()),
                        layout.alias(),
                        new FieldAnalyzers(analyzers),
                        SearchLimits.DEFAULT),
                analyzers::close)) {
      result = RetrievalEvaluation.run(collection, retriever, RetrievalEvaluation.DEPTH);
      OpenSearchIndex.drop(writer, layout);
    }
    Metrics m = result.metrics();
    String line =
        String.format(
            Locale.ROOT,
            "%s\topensearch\t%.4f\t%.4f\t%.4f\t%.4f",
            set,
            m.ndcg10(),
            m.map(),
            m.recall100(),
            m.mrr10());
    System.out.println("parity: " + line);
    Map<String, String> pinned = RetrievalFiguresTest.expected();
    String[] embedded = pinned.get(set + "\tsandiq").split("\t");
    assertEquals(Double.parseDouble(embedded[2]), m.ndcg10(), 0.01, "nDCG@10 vs embedded");
    assertEquals(Double.parseDouble(embedded[3]), m.map(), 0.01, "MAP vs embedded");
    assertEquals(pinned.get(set + "\topensearch"), line, "pinned in retrieval_expected.tsv");
  }

  @Test
  void theTopTenOfFiftyQueriesOverlapEmbedded(@TempDir Path dir) throws Exception {
    Path corpus = Fixtures.shippedCorpus();
    Path index = dir.resolve("index");
    Fixtures.reindex(corpus, index, true);
    IndexLayout layout = new IndexLayout("sandiq-it-parity", 3, 0);
    cluster.load(corpus, layout);
    double sum = 0;
    int queries = 0;
    List<String> below = new ArrayList<>();
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        SearchService embedded = new LuceneSearchService(index, new FieldAnalyzers(analyzers));
        SearchService opensearch =
            new OpenSearchSearchService(
                ClusterClient.connect(cluster.uris()),
                layout.alias(),
                new FieldAnalyzers(analyzers),
                SearchLimits.DEFAULT)) {
      for (String query : queries()) {
        Set<String> expected = top10(embedded, query);
        Set<String> got = top10(opensearch, query);
        double overlap;
        if (expected.isEmpty()) {
          overlap = got.isEmpty() ? 1 : 0;
        } else {
          Set<String> shared = new HashSet<>(expected);
          shared.retainAll(got);
          overlap = (double) shared.size() / expected.size();
        }
        if (overlap < 1) {
          below.add(String.format(Locale.ROOT, "%s %.2f", query, overlap));
        }
        sum += overlap;
        queries++;
      }
    }
    double mean = sum / queries;
    String figure = String.format(Locale.ROOT, "shipped-corpus\ttop10-overlap\t%.4f", mean);
    System.out.println("parity: " + figure + " over " + queries + " queries; below 1: " + below);
    assertEquals(50, queries);
    assertTrue(mean >= 0.90, figure + " " + below);
    double pinned = Double.parseDouble(pinned().split("\t")[2]);
    assertEquals(pinned, mean, 0.01, "pinned in parity_expected.tsv: " + figure);
  }

  private static Set<String> top10(SearchService search, String query) {
    SearchResponse response = search.search(new SearchRequest(query, null, 1, 10).withoutFacets());
    Set<String> ids = new HashSet<>();
    response.hits().forEach(hit -> ids.add(hit.id()));
    return ids;
  }

  private static List<String> queries() throws IOException {
    List<String> queries = new ArrayList<>();
    for (String line : resource("/org/sandiq/opensearch/parity_queries.txt").split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        queries.add(line.strip());
      }
    }
    return queries;
  }

  private static String pinned() throws IOException {
    for (String line : resource("/org/sandiq/opensearch/parity_expected.tsv").split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        return line.strip();
      }
    }
    return null;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = OpenSearchParityIT.class.getResourceAsStream(name)) {
      assertNotNull(in, name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
