package org.sandiq.plugin;

import java.util.ArrayList;
import java.util.List;
import org.opensearch.index.analysis.PreBuiltAnalyzerProviderFactory;
import org.opensearch.index.analysis.PreConfiguredTokenFilter;
import org.opensearch.indices.analysis.PreBuiltCacheFactory.CachingStrategy;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;
import org.sandiq.analysis.AnalyzerNames;
import org.sandiq.analysis.AzerbaijaniStemFilter;
import org.sandiq.analysis.CrossScriptAnalyzer;
import org.sandiq.analysis.SchwaVariantFilter;

/**
 * Sandiq's analysis inside OpenSearch: every analyzer a Sandiq index field uses, under the names of
 * {@link AnalyzerNames} ({@code sandiq_az}, {@code sandiq_en}, {@code sandiq_ru}, {@code
 * sandiq_tr}, {@code sandiq_und}, {@code sandiq_folded}, {@code sandiq_xscript}, {@code
 * sandiq_xscript_names}), and Sandiq's own token filters for custom chains. The analyzers are
 * pre-built (no settings), so a mapping names them directly and {@code _analyze} takes them without
 * an index; they are the app's classes, so a field gives the same tokens as in the embedded index.
 */
public final class SandiqAnalysisPlugin extends Plugin implements AnalysisPlugin {

  @Override
  public List<PreBuiltAnalyzerProviderFactory> getPreBuiltAnalyzerProviderFactories() {
    List<PreBuiltAnalyzerProviderFactory> factories = new ArrayList<>();
    // ONE: the analyzers are thread-safe and the same for every index and version.
    AnalyzerNames.analyzers()
        .forEach(
            (name, analyzer) ->
                factories.add(
                    new PreBuiltAnalyzerProviderFactory(name, CachingStrategy.ONE, analyzer)));
    return factories;
  }

  @Override
  public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
    return List.of(
        // Stemming and the schwa's second spelling change or add terms: not for wildcard terms.
        PreConfiguredTokenFilter.singleton(
            AnalyzerNames.AZERBAIJANI_STEM_FILTER, false, AzerbaijaniStemFilter::new),
        PreConfiguredTokenFilter.singleton(
            AnalyzerNames.SCHWA_VARIANTS_FILTER, false, SchwaVariantFilter::new),
        // One word in, its key out: a normaliser, so prefix and fuzzy terms get it too.
        PreConfiguredTokenFilter.singleton(
            AnalyzerNames.NAME_KEY_FILTER, true, CrossScriptAnalyzer.NameKeyFilter::new),
        // Drops words, so not for wildcard terms.
        PreConfiguredTokenFilter.singleton(
            AnalyzerNames.NAME_LIKE_FILTER, false, CrossScriptAnalyzer.NameLikeFilter::new));
  }
}
