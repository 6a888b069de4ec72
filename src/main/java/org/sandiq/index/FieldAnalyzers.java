package org.sandiq.index;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.sandiq.analysis.AnalysisProfile;
import org.sandiq.analysis.Language;
import org.sandiq.analysis.LanguageAnalyzers;

/**
 * The one place where a field gets its analyzer: {@code title_xx} and {@code text_xx} the analyzer
 * of language {@code xx}, the folded fields the folding analyzer. The index writer and the query
 * parser both use {@link #perField()}, so a query word is analysed exactly as the indexed word was.
 */
public final class FieldAnalyzers {
  private final LanguageAnalyzers languages;
  private final AnalysisProfile profile;
  private final Analyzer perField;

  /** The multilingual analysis. */
  public FieldAnalyzers(LanguageAnalyzers languages) {
    this(languages, AnalysisProfile.MULTILINGUAL);
  }

  /**
   * The analysis of {@code profile}: for {@link AnalysisProfile#STANDARD}, Lucene's {@code
   * StandardAnalyzer} without stop words on every field.
   */
  public FieldAnalyzers(LanguageAnalyzers languages, AnalysisProfile profile) {
    this.languages = languages;
    this.profile = profile;
    if (profile == AnalysisProfile.STANDARD) {
      this.perField = new StandardAnalyzer(CharArraySet.EMPTY_SET);
      return;
    }
    Map<String, Analyzer> byField = new HashMap<>();
    for (Language language : Language.values()) {
      byField.put(Fields.title(language), languages.forLanguage(language));
      byField.put(Fields.text(language), languages.forLanguage(language));
    }
    byField.put(Fields.TITLE_FOLDED, languages.folded());
    byField.put(Fields.TEXT_FOLDED, languages.folded());
    byField.put(Fields.TITLE_XSCRIPT, languages.crossScript());
    byField.put(Fields.TEXT_XSCRIPT, languages.crossScript());
    this.perField = new PerFieldAnalyzerWrapper(languages.folded(), byField);
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
