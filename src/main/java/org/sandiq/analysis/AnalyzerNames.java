package org.sandiq.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;

/**
 * The names Sandiq's analyzers and token filters have outside the JVM: in the OpenSearch analysis
 * plugin, which registers them, and in an OpenSearch index mapping, which names them per field. One
 * place for both, so the plugin and the mapping cannot drift apart.
 */
public final class AnalyzerNames {
  /** The folded fields' analyzer ({@link FoldingAnalyzer#neutral()}). */
  public static final String FOLDED = "sandiq_folded";

  /** The cross-script fields' query analyzer ({@link CrossScriptAnalyzer#forQueries()}). */
  public static final String CROSS_SCRIPT = "sandiq_xscript";

  /**
   * The cross-script fields' index analyzer, name-like words only ({@link
   * CrossScriptAnalyzer#forIndexing()}).
   */
  public static final String CROSS_SCRIPT_NAMES = "sandiq_xscript_names";

  /** Token filter: {@link AzerbaijaniStemFilter} with the shipped stemmer. */
  public static final String AZERBAIJANI_STEM_FILTER = "sandiq_az_stem";

  /** Token filter: {@link SchwaVariantFilter}. */
  public static final String SCHWA_VARIANTS_FILTER = "sandiq_schwa_variants";

  /** Token filter: {@link CrossScriptAnalyzer.NameKeyFilter} (romanise, then name key). */
  public static final String NAME_KEY_FILTER = "sandiq_name_key";

  /** Token filter: {@link CrossScriptAnalyzer.NameLikeFilter} (keeps capitalised words). */
  public static final String NAME_LIKE_FILTER = "sandiq_name_like";

  private AnalyzerNames() {}

  /** The name of {@code language}'s analyzer: {@code sandiq_az}, {@code sandiq_und}, … */
  public static String of(Language language) {
    return "sandiq_" + language.code();
  }

  /**
   * Every analyzer an index field uses, by name, each as a factory of new instances (a registry
   * such as OpenSearch owns and closes what it creates).
   */
  public static Map<String, Supplier<Analyzer>> analyzers() {
    Map<String, Supplier<Analyzer>> all = new LinkedHashMap<>();
    for (Language language : Language.values()) {
      all.put(of(language), () -> LanguageAnalyzers.newAnalyzer(language));
    }
    all.put(FOLDED, FoldingAnalyzer::neutral);
    all.put(CROSS_SCRIPT, CrossScriptAnalyzer::forQueries);
    all.put(CROSS_SCRIPT_NAMES, CrossScriptAnalyzer::forIndexing);
    return all;
  }
}
