package org.sandiq.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sandiq.eval.Metrics;
import org.sandiq.eval.RetrievalEvaluation;
import org.sandiq.eval.Retriever;
import org.sandiq.eval.SandiqRetriever;
import org.sandiq.eval.StandardBaseline;
import org.sandiq.eval.TestCollection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sandiq eval retrieval}: indexes a test corpus, runs its queries, prints the figures. */
@Command(
    name = "retrieval",
    mixinStandardHelpOptions = true,
    description = {
      "Indexes a corpus into a temporary index, runs every query, and prints nDCG@10, MAP,",
      "Recall@100 and MRR@10 against the relevance judgments."
    })
final class EvalRetrievalCommand implements Callable<Integer> {
  @Option(
      names = "--corpus",
      required = true,
      paramLabel = "FILE",
      description = "Documents, JSON lines {\"id\",\"title\",\"text\",\"lang\"}.")
  Path corpus;

  @Option(
      names = "--queries",
      required = true,
      paramLabel = "FILE",
      description = "Queries, JSON lines {\"id\",\"text\",\"lang\"}.")
  Path queries;

  @Option(
      names = "--qrels",
      required = true,
      paramLabel = "FILE",
      description = "Judgments: query-id<TAB>doc-id<TAB>grade (or TREC's four columns).")
  Path qrels;

  @Option(
      names = "--corpus-lang",
      paramLabel = "L",
      description = "Only the corpus documents whose \"lang\" is L (XQuAD holds three languages).")
  String corpusLang;

  @Option(names = "--run", paramLabel = "OUT", description = "Also write a TREC run file.")
  Path run;

  @Option(
      names = "--analyzer",
      paramLabel = "A",
      defaultValue = "sandiq",
      description =
          "sandiq (the real search path, default), or a plain Lucene BM25 baseline over title and"
              + " text: standard, english, russian, turkish.")
  String analyzer;

  @Option(
      names = "--depth",
      paramLabel = "N",
      defaultValue = "100",
      description =
          "Hits ranked per query, 10 to 1000 (default: ${DEFAULT-VALUE}); MAP is over these.")
  int depth;

  @Option(names = "--json", description = "Print the figures as one JSON object.")
  boolean json;

  @picocli.CommandLine.Mixin BackendOptions backend;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    String label = analyzer.strip().toLowerCase(Locale.ROOT);
    StandardBaseline.Kind kind = null;
    if (!label.equals("sandiq")) {
      try {
        kind = StandardBaseline.Kind.valueOf(label.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        spec.commandLine()
            .getErr()
            .println(
                "sandiq: unknown analyzer '"
                    + analyzer
                    + "': use sandiq, standard, english, russian or turkish");
        return Main.EXIT_FATAL;
      }
    }
    if (depth < 10 || depth > 1000) {
      spec.commandLine().getErr().println("sandiq: --depth must be between 10 and 1000");
      return Main.EXIT_FATAL;
    }
    TestCollection collection = TestCollection.read(corpus, queries, qrels);
    if (corpusLang != null) {
      collection = collection.onlyLanguage(corpusLang);
    }
    long start = System.nanoTime();
    RetrievalEvaluation result;
    try (Retriever retriever =
        kind != null
            ? StandardBaseline.index(collection.documents(), kind)
            : backend.isOpenSearch()
                ? onOpenSearch(collection)
                : SandiqRetriever.index(collection.documents())) {
      result = RetrievalEvaluation.run(collection, retriever, depth);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (run != null) {
      result.writeTrecRun(run, label);
    }
    Metrics m = result.metrics();
    if (json) {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("analyzer", label);
      figures.put("documents", collection.documents().size());
      figures.put("queries", m.queries());
      figures.put("ndcg@10", round(m.ndcg10()));
      figures.put("map", round(m.map()));
      figures.put("recall@100", round(m.recall100()));
      figures.put("mrr@10", round(m.mrr10()));
      out.println(new ObjectMapper().writeValueAsString(figures));
    } else {
      out.printf(
          Locale.ROOT,
          "%s: %d documents, %d judged queries, %.1f s%n",
          label,
          collection.documents().size(),
          m.queries(),
          seconds);
      out.printf(
          Locale.ROOT,
          "nDCG@10 %.4f  MAP %.4f  Recall@100 %.4f  MRR@10 %.4f%n",
          m.ndcg10(),
          m.map(),
          m.recall100(),
          m.mrr10());
    }
    out.flush();
    if (!result.failures().isEmpty()) {
      var first = result.failures().entrySet().iterator().next();
      spec.commandLine()
          .getErr()
          .println(
              "sandiq: "
                  + result.failures().size()
                  + " queries failed and count as finding nothing (first: "
                  + first.getKey()
                  + ": "
                  + first.getValue()
                  + ")");
      return Main.EXIT_PARTIAL;
    }
    return 0;
  }

  /**
   * The collection loaded into a new index of its own on the cluster ({@code sandiq-eval-<time>},
   * the shards asked for, no replicas), searched by the OpenSearch backend, deleted afterwards.
   */
  private SandiqRetriever onOpenSearch(TestCollection collection) throws IOException {
    String alias = "sandiq-eval-" + System.currentTimeMillis();
    org.sandiq.opensearch.IndexLayout layout =
        new org.sandiq.opensearch.IndexLayout(alias, backend.layout().shards(), 0);
    org.sandiq.analysis.LanguageAnalyzers analyzers = new org.sandiq.analysis.LanguageAnalyzers();
    org.sandiq.index.FieldAnalyzers fields = new org.sandiq.index.FieldAnalyzers(analyzers);
    org.sandiq.opensearch.ClusterClient writer = backend.connect();
    java.io.Closeable cleanup =
        () -> {
          try (org.sandiq.opensearch.ClusterClient cluster = backend.connect()) {
            org.sandiq.opensearch.OpenSearchIndex.drop(cluster, layout);
          } finally {
            analyzers.close();
          }
        };
    try (writer) {
      return SandiqRetriever.load(
          collection.documents(),
          org.sandiq.opensearch.OpenSearchIndex.open(
              writer,
              layout,
              org.sandiq.index.AnalysisProfile.MULTILINGUAL,
              org.sandiq.opensearch.OpenSearchIndex.Mode.REBUILD),
          () ->
              new org.sandiq.opensearch.OpenSearchSearchService(
                  backend.connect(), alias, fields, org.sandiq.search.SearchLimits.DEFAULT),
          cleanup);
    } catch (IOException | RuntimeException e) {
      cleanup.close();
      throw e;
    }
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
