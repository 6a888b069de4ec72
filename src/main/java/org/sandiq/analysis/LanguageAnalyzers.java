package org.sandiq.analysis;

import java.io.Closeable;
import java.util.EnumMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The analyzer for each {@link Language}, and the language-neutral folding analyzer. One instance
 * serves the whole process: Lucene analyzers are thread-safe and reuse their token streams per
 * thread.
 *
 * <ul>
 *   <li>az: {@link AzerbaijaniAnalyzer} (Turkic casing, apostrophes, stop words)
 *   <li>en: Lucene's {@link EnglishAnalyzer} (possessives, stop words, Porter stemming)
 *   <li>ru: Lucene's {@link RussianAnalyzer} (stop words, Snowball Russian stemming)
 *   <li>tr: Lucene's {@link TurkishAnalyzer} (apostrophes, Turkic casing, Snowball Turkish)
 *   <li>und: {@link FoldingAnalyzer#fallback()} (ICU tokens, ICU folding)
 * </ul>
 */
public final class LanguageAnalyzers implements Closeable {
  private final Map<Language, Analyzer> byLanguage = new EnumMap<>(Language.class);
  private final Analyzer folded = FoldingAnalyzer.neutral();
  private final Analyzer crossScript = CrossScriptAnalyzer.forQueries();
  private final Analyzer crossScriptNames = CrossScriptAnalyzer.forIndexing();

  public LanguageAnalyzers() {
    for (Language language : Language.values()) {
      byLanguage.put(language, newAnalyzer(language));
    }
  }

  /**
   * A new analyzer for text in {@code language}: the one definition of each language's analysis,
   * used here and by the OpenSearch plugin ({@link AnalyzerNames}).
   */
  public static Analyzer newAnalyzer(Language language) {
    return switch (language) {
      case AZ -> new AzerbaijaniAnalyzer();
      case EN -> new EnglishAnalyzer();
      case RU -> new RussianAnalyzer();
      case TR -> new TurkishAnalyzer();
      case UND -> FoldingAnalyzer.fallback();
    };
  }

  /** The analyzer for text in {@code language}. */
  public Analyzer forLanguage(Language language) {
    return byLanguage.get(language);
  }

  /** The analyzer of the language-neutral folded field. */
  public Analyzer folded() {
    return folded;
  }

  /**
   * The query analyzer of the cross-script fields (romanised, spelling-variant name keys of every
   * word).
   */
  public Analyzer crossScript() {
    return crossScript;
  }

  /** The index analyzer of the cross-script fields: the keys of name-like words only. */
  public Analyzer crossScriptNames() {
    return crossScriptNames;
  }

  @Override
  public void close() {
    byLanguage.values().forEach(Analyzer::close);
    folded.close();
    crossScript.close();
    crossScriptNames.close();
  }
}
