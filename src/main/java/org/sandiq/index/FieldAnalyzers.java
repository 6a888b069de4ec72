package org.sandiq.index;

import org.apache.lucene.analysis.Analyzer;
import org.sandiq.analysis.LanguageAnalyzers;

/**
 * The one place where a field gets its analyzer, as its {@link AnalysisProfile} says: {@code
 * title_xx} and {@code text_xx} the analyzer of language {@code xx}, the folded fields the folding
 * analyzer, the cross-script fields the name keys. The index writer and the query parser both use
 * {@link #perField()}, so a query word is analysed exactly as the indexed word was.
 */
public final class FieldAnalyzers {
  private final LanguageAnalyzers languages;
  private final AnalysisProfile profile;
  private final Analyzer perField;
  private final Analyzer indexing;

  /** The multilingual analysis. */
  public FieldAnalyzers(LanguageAnalyzers languages) {
    this(languages, AnalysisProfile.MULTILINGUAL);
  }

  /** The analysis of {@code profile}. */
  public FieldAnalyzers(LanguageAnalyzers languages, AnalysisProfile profile) {
    this.languages = languages;
    this.profile = profile;
    this.perField = profile.analyzer(languages);
    this.indexing = profile.indexAnalyzer(languages);
  }

  /** The index writer's analyzer, by field name. */
  public Analyzer indexing() {
    return indexing;
  }

  /** An analyzer that picks the right analyzer by field name. */
  public Analyzer perField() {
    return perField;
  }

  /** Which analysis this is. */
  public AnalysisProfile profile() {
    return profile;
  }

  /** The analyzers by language. */
  public LanguageAnalyzers languages() {
    return languages;
  }
}
