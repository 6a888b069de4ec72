package org.sandiq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sandiq.testing.Fixtures;

/**
 * Pins the retrieval figures of the small evaluation sets, Sandiq and the plain Lucene baselines,
 * against {@code retrieval_expected.tsv}. The big sets (az-mirage, xquad en and ru) take minutes
 * each on two cores; EVALUATION.md has their figures and the command that reproduces them.
 */
class RetrievalFiguresTest {
  static Map<String, String> expected() throws IOException {
    Map<String, String> lines = new HashMap<>();
    try (InputStream in =
        RetrievalFiguresTest.class.getResourceAsStream("retrieval_expected.tsv")) {
      assertNotNull(in, "retrieval_expected.tsv");
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] cols = line.split("\t");
          lines.put(cols[0] + "\t" + cols[1], line.strip());
        }
      }
    }
    return lines;
  }

  /**
   * The evaluation set {@code set} from the shared data folder: {@code corpus} and {@code
   * queries|qrels} relative to it, an xquad set narrowed to its language.
   */
  static TestCollection collection(String set, String corpus, String queriesAndQrels)
      throws IOException {
    String[] qq = queriesAndQrels.split("\\|");
    TestCollection collection =
        TestCollection.read(
            Fixtures.shared("data/" + corpus),
            Fixtures.shared("data/" + qq[0]),
            Fixtures.shared("data/" + qq[1]));
    return set.startsWith("xquad-")
        ? collection.onlyLanguage(set.substring("xquad-".length()))
        : collection;
  }

  @ParameterizedTest(name = "{0} {3}")
  @CsvSource({
    "cacm, cacm/corpus.jsonl, cacm/queries.jsonl|cacm/qrels.tsv, standard",
    "cacm, cacm/corpus.jsonl, cacm/queries.jsonl|cacm/qrels.tsv, english",
    "cacm, cacm/corpus.jsonl, cacm/queries.jsonl|cacm/qrels.tsv, sandiq",
    "tr-histquad, tr-histquad-retrieval/corpus.jsonl,"
        + " tr-histquad-retrieval/queries.jsonl|tr-histquad-retrieval/qrels.tsv, standard",
    "tr-histquad, tr-histquad-retrieval/corpus.jsonl,"
        + " tr-histquad-retrieval/queries.jsonl|tr-histquad-retrieval/qrels.tsv, turkish",
    "tr-histquad, tr-histquad-retrieval/corpus.jsonl,"
        + " tr-histquad-retrieval/queries.jsonl|tr-histquad-retrieval/qrels.tsv, sandiq",
    "xquad-tr, xquad-retrieval-en-ru-tr/corpus.jsonl,"
        + " xquad-retrieval-en-ru-tr/queries.tr.jsonl|xquad-retrieval-en-ru-tr/qrels.tr.tsv, standard",
    "xquad-tr, xquad-retrieval-en-ru-tr/corpus.jsonl,"
        + " xquad-retrieval-en-ru-tr/queries.tr.jsonl|xquad-retrieval-en-ru-tr/qrels.tr.tsv, turkish",
    "xquad-tr, xquad-retrieval-en-ru-tr/corpus.jsonl,"
        + " xquad-retrieval-en-ru-tr/queries.tr.jsonl|xquad-retrieval-en-ru-tr/qrels.tr.tsv, sandiq",
  })
  void figuresArePinned(String set, String corpus, String queriesAndQrels, String analyzer)
      throws IOException {
    TestCollection collection = collection(set, corpus, queriesAndQrels);
    RetrievalEvaluation result;
    try (Retriever retriever =
        analyzer.equals("sandiq")
            ? SandiqRetriever.index(collection.documents())
            : StandardBaseline.index(
                collection.documents(),
                StandardBaseline.Kind.valueOf(analyzer.toUpperCase(Locale.ROOT)))) {
      result = RetrievalEvaluation.run(collection, retriever, RetrievalEvaluation.DEPTH);
    }
    Metrics m = result.metrics();
    String line =
        String.format(
            Locale.ROOT,
            "%s\t%s\t%.4f\t%.4f\t%.4f\t%.4f",
            set,
            analyzer,
            m.ndcg10(),
            m.map(),
            m.recall100(),
            m.mrr10());
    System.out.println(line);
    assertEquals(expected().get(set + "\t" + analyzer), line);
  }
}
