package org.sandiq.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.Version;
import org.junit.jupiter.api.Test;
import org.opensearch.index.analysis.PreBuiltAnalyzerProviderFactory;
import org.opensearch.index.analysis.PreConfiguredTokenFilter;
import org.sandiq.analysis.AnalyzerNames;

/**
 * The plugin registers every analyzer and filter under its name, on the Lucene OpenSearch ships.
 */
class SandiqAnalysisPluginTest {
  private final SandiqAnalysisPlugin plugin = new SandiqAnalysisPlugin();

  @Test
  void buildsAgainstTheLuceneOpenSearchShips() {
    assertEquals(10, Version.LATEST.major);
    assertEquals(4, Version.LATEST.minor, "OpenSearch 3.6.0 ships Lucene 10.4");
  }

  @Test
  void registersEveryAnalyzerOfAnIndexField() {
    Set<String> names = new TreeSet<>();
    for (PreBuiltAnalyzerProviderFactory factory : plugin.getPreBuiltAnalyzerProviderFactories()) {
      names.add(factory.getName());
    }
    assertEquals(
        Set.of(
            "sandiq_az",
            "sandiq_en",
            "sandiq_ru",
            "sandiq_tr",
            "sandiq_und",
            "sandiq_folded",
            "sandiq_xscript",
            "sandiq_xscript_names"),
        names);
  }

  @Test
  void registersSandiqsTokenFilters() {
    Set<String> names = new TreeSet<>();
    for (PreConfiguredTokenFilter filter : plugin.getPreConfiguredTokenFilters()) {
      names.add(filter.getName());
    }
    assertEquals(
        Set.of(
            AnalyzerNames.AZERBAIJANI_STEM_FILTER,
            AnalyzerNames.SCHWA_VARIANTS_FILTER,
            AnalyzerNames.NAME_KEY_FILTER,
            AnalyzerNames.NAME_LIKE_FILTER),
        names);
  }

  @Test
  void crossScriptNamesShareOneKeyOnLucene104() throws IOException {
    try (Analyzer xscript = AnalyzerNames.analyzers().get(AnalyzerNames.CROSS_SCRIPT).get()) {
      List<String> khojaly = terms(xscript, "Khojaly");
      assertEquals(khojaly, terms(xscript, "Xocalı"));
      assertEquals(khojaly, terms(xscript, "Ходжалы"));
    }
  }

  @Test
  void theIndexTimeCrossScriptAnalyzerKeysNamesOnlyOnLucene104() throws IOException {
    try (Analyzer names = AnalyzerNames.analyzers().get(AnalyzerNames.CROSS_SCRIPT_NAMES).get()) {
      assertEquals(
          List.of("hocali", "askar"), terms(names, "the tragedy of Ходжалы and Əsgər remembered"));
    }
  }

  private static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }
}
