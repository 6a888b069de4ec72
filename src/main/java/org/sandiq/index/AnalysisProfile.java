package org.sandiq.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.sandiq.analysis.Detection;
import org.sandiq.analysis.Language;
import org.sandiq.analysis.LanguageAnalyzers;

/**
 * How an index analyses text, chosen when it is built ({@code reindex --full --analyzer NAME}) and
 * recorded in the index, so searches and later incremental runs analyse alike.
 *
 * <p>One object holds everything that differs between analyses: whether languages are detected,
 * which languages get fields of their own, whether the folded and cross-script fields exist, and
 * the analyzer of each field. The preparation step, the mapper, the writer's analyzer and the query
 * side ask the profile instead of testing which profile they have.
 */
public final class AnalysisProfile {
  /**
   * Sandiq's own: language detection per document and passage, each language's analyzer, a folded
   * field and cross-script name keys (see {@link Fields}). The default.
   *
   * <p>Only the languages with rules of their own get fields: a document or passage of any other
   * language ({@link Language#UND}) is searched through the folded and cross-script fields, which
   * hold every text. Its own fields would have held the same words again, since the analysis of
   * such text is the folded field's ({@code FoldingAnalyzer.fallback()}) short of the Turkic
   * spellings: they were 6 to 10 % of a reindex's CPU on the harness corpus, where a fifth of the
   * documents are in other languages, and two more terms for every query word to look up.
   */
  public static final AnalysisProfile MULTILINGUAL =
      new AnalysisProfile(
          "multilingual",
          true,
          Arrays.stream(Language.values()).filter(l -> l != Language.UND).toList(),
          true,
          perLanguage(false),
          perLanguage(true));

  /**
   * Lucene's {@code StandardAnalyzer} (no stop words) over one title and one text field, no
   * language detection, no folding, no cross-script keys: the analysis of the reference raw-Lucene
   * benchmark, so that a run with it measures what Sandiq's own pipeline (reading, cleaning,
   * mapping, HTTP, JSON) costs, apart from the multilingual analysis.
   */
  public static final AnalysisProfile STANDARD =
      new AnalysisProfile(
          "standard",
          false,
          List.of(Language.UND),
          false,
          languages -> new StandardAnalyzer(CharArraySet.EMPTY_SET));

  private static final List<AnalysisProfile> ALL = List.of(MULTILINGUAL, STANDARD);

  private final String code;
  private final boolean detectsLanguages;
  private final List<Language> languages;
  private final boolean variants;
  private final Function<LanguageAnalyzers, Analyzer> analyzer;
  private final Function<LanguageAnalyzers, Analyzer> indexAnalyzer;

  private AnalysisProfile(
      String code,
      boolean detectsLanguages,
      List<Language> languages,
      boolean variants,
      Function<LanguageAnalyzers, Analyzer> analyzer) {
    this(code, detectsLanguages, languages, variants, analyzer, analyzer);
  }

  private AnalysisProfile(
      String code,
      boolean detectsLanguages,
      List<Language> languages,
      boolean variants,
      Function<LanguageAnalyzers, Analyzer> analyzer,
      Function<LanguageAnalyzers, Analyzer> indexAnalyzer) {
    this.code = code;
    this.detectsLanguages = detectsLanguages;
    this.languages = languages;
    this.variants = variants;
    this.analyzer = analyzer;
    this.indexAnalyzer = indexAnalyzer;
  }

  /** Every profile. */
  public static List<AnalysisProfile> values() {
    return ALL;
  }

  /** The name used on the command line and in the index: {@code multilingual}, {@code standard}. */
  public String code() {
    return code;
  }

  /** The profile named {@code code} (any case), or empty. */
  public static Optional<AnalysisProfile> fromCode(String code) {
    return ALL.stream().filter(p -> p.code.equalsIgnoreCase(code)).findFirst();
  }

  /**
   * Whether documents and their passages get a detected language; without, every document is {@link
   * Language#UND} and has no passage fields.
   */
  public boolean detectsLanguages() {
    return detectsLanguages;
  }

  /** The languages that have a title and a text field of their own in this analysis. */
  public List<Language> languages() {
    return languages;
  }

  /**
   * Whether a text in {@code language} is indexed into a title and a text field of that language
   * (else only into the folded and cross-script ones).
   */
  public boolean hasFieldsFor(Language language) {
    return languages.contains(language);
  }

  /**
   * Whether every title and text is also indexed folded ({@link Fields#TITLE_FOLDED}) and as
   * cross-script name keys ({@link Fields#TITLE_XSCRIPT}).
   */
  public boolean hasVariantFields() {
    return variants;
  }

  /** The language whose fields a document detected as {@code detection} is indexed into. */
  public Language fieldLanguage(Detection detection) {
    return detectsLanguages ? detection.language() : Language.UND;
  }

  /**
   * Every analysed title field, the language fields first, then (when the profile has them) the
   * folded and the cross-script one.
   */
  public List<String> titleFields() {
    List<String> fields = new ArrayList<>();
    languages.forEach(l -> fields.add(Fields.title(l)));
    if (variants) {
      fields.add(Fields.TITLE_FOLDED);
      fields.add(Fields.TITLE_XSCRIPT);
    }
    return fields;
  }

  /** Every analysed text field, in the order of {@link #titleFields()}. */
  public List<String> textFields() {
    List<String> fields = new ArrayList<>();
    languages.forEach(l -> fields.add(Fields.text(l)));
    if (variants) {
      fields.add(Fields.TEXT_FOLDED);
      fields.add(Fields.TEXT_XSCRIPT);
    }
    return fields;
  }

  /**
   * The analyzer that picks each field's analysis by name, for the query parser (and anything that
   * analyses a query's words).
   */
  public Analyzer analyzer(LanguageAnalyzers analyzers) {
    return analyzer.apply(analyzers);
  }

  /**
   * The index writer's analyzer: {@link #analyzer} for every field but the cross-script ones, which
   * key only the name-like words of a text ({@link LanguageAnalyzers#crossScriptNames()}), while a
   * query keys every word it has.
   */
  public Analyzer indexAnalyzer(LanguageAnalyzers analyzers) {
    return indexAnalyzer.apply(analyzers);
  }

  /**
   * {@code title_xx}/{@code text_xx} get language xx's analyzer, the variant fields theirs; {@code
   * indexing} picks the cross-script fields' index-time analysis.
   */
  private static Function<LanguageAnalyzers, Analyzer> perLanguage(boolean indexing) {
    return analyzers -> {
      Map<String, Analyzer> byField = new HashMap<>();
      for (Language language : Language.values()) {
        byField.put(Fields.title(language), analyzers.forLanguage(language));
        byField.put(Fields.text(language), analyzers.forLanguage(language));
      }
      byField.put(Fields.TITLE_FOLDED, analyzers.folded());
      byField.put(Fields.TEXT_FOLDED, analyzers.folded());
      byField.put(Fields.OTHER_FOLDED, analyzers.folded());
      byField.put(Fields.TITLE_XSCRIPT, analyzers.crossScript());
      byField.put(
          Fields.TEXT_XSCRIPT, indexing ? analyzers.crossScriptNames() : analyzers.crossScript());
      return new PerFieldAnalyzerWrapper(analyzers.folded(), byField);
    };
  }

  @Override
  public String toString() {
    return code.toUpperCase(Locale.ROOT);
  }
}
