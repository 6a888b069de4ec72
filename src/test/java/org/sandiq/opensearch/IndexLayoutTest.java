package org.sandiq.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sandiq.analysis.AnalyzerNames;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.analysis.Tokens;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.FieldAnalyzers;

/**
 * The OpenSearch mapping names, for every analysed field, the analyzers that give the tokens the
 * embedded index gives: its {@code analyzer} the index writer's, its search analyzer the query
 * parser's (they differ for the text's cross-script field). {@code TokenParityIT} then holds each
 * named analyzer to the same tokens inside OpenSearch.
 */
class IndexLayoutTest {
  private static final LanguageAnalyzers ANALYZERS = new LanguageAnalyzers();
  private static final String SAMPLE =
      "The tragedy of Ходжалы was recalled by İlham Əliyev in Xankəndi; torpaqlarımızı, "
          + "Qarabağ'ı, researchers' running indexes and жители Ходжалы бежали.";

  @AfterAll
  static void close() {
    ANALYZERS.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyAnalysedFieldIndexesAndSearchesAsTheEmbeddedIndexDoes() throws IOException {
    AnalysisProfile profile = AnalysisProfile.MULTILINGUAL;
    FieldAnalyzers embedded = new FieldAnalyzers(ANALYZERS, profile);
    Map<String, Object> template = new IndexLayout("sandiq", 1, 0).template(profile);
    Map<String, Object> properties =
        (Map<String, Object>)
            ((Map<String, Object>) ((Map<String, Object>) template.get("template")).get("mappings"))
                .get("properties");
    Map<String, Supplier<Analyzer>> named = AnalyzerNames.analyzers();
    List<String> fields = IndexLayout.analysedFields(profile);
    assertFalse(fields.isEmpty());
    for (String field : fields) {
      Map<String, Object> mapping = (Map<String, Object>) properties.get(field);
      String index = (String) mapping.get("analyzer");
      String search = (String) mapping.getOrDefault("search_analyzer", index);
      try (Analyzer indexing = named.get(index).get();
          Analyzer searching = named.get(search).get()) {
        assertEquals(terms(embedded.indexing(), field), terms(indexing, field), field + " indexed");
        assertEquals(
            terms(embedded.perField(), field), terms(searching, field), field + " searched");
      }
    }
  }

  private static List<String> terms(Analyzer analyzer, String field) {
    return Tokens.terms(analyzer, field, SAMPLE);
  }
}
