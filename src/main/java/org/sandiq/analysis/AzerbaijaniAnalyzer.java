package org.sandiq.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tr.ApostropheFilter;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;

/**
 * {@link Analyzer} for Azerbaijani (Latin script), built like Lucene's {@code TurkishAnalyzer}.
 *
 * <p>The chain: {@link StandardTokenizer}; {@link ApostropheFilter}, which drops the suffix after
 * an apostrophe ({@code Bakı'da} becomes {@code Bakı}); {@link TurkishLowerCaseFilter}, because
 * Azerbaijani casing is Turkic ({@code I} lower-cases to {@code ı} and {@code İ} to {@code i},
 * which {@link String#toLowerCase()} gets wrong); a {@link StopFilter} with Azerbaijani stop words;
 * {@link SetKeywordMarkerFilter} for words the stemmer must leave alone; and {@link
 * AzerbaijaniStemFilter}, a light suffix stripper written for Azerbaijani ({@link
 * AzerbaijaniStemmer}).
 */
public final class AzerbaijaniAnalyzer extends StopwordAnalyzerBase {
  /** File with the default stop words, on the class path beside this class. */
  public static final String DEFAULT_STOPWORD_FILE = "stopwords_az.txt";

  /**
   * File with the stemmer's exceptions beside this class: {@code word<TAB>stem}, or a word alone
   * for a word never stemmed.
   */
  public static final String STEM_EXCEPTIONS_FILE = "stem_exceptions_az.txt";

  private final CharArraySet stemExclusionSet;

  /** Holds the default stop set and stemmer, loaded once. */
  private static final class DefaultSet {
    static final CharArraySet STOP_WORDS = load();
    static final AzerbaijaniStemmer STEMMER = new AzerbaijaniStemmer(loadExceptions());

    private static Map<String, String> loadExceptions() {
      Map<String, String> exceptions = new HashMap<>();
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(
                  AzerbaijaniAnalyzer.class.getResourceAsStream(STEM_EXCEPTIONS_FILE),
                  StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          String entry = line.strip();
          if (entry.isEmpty() || entry.startsWith("#")) {
            continue;
          }
          String[] cols = entry.split("\\s+");
          exceptions.put(cols[0], cols.length > 1 ? cols[1] : cols[0]);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load " + STEM_EXCEPTIONS_FILE, e);
      }
      return exceptions;
    }

    private static CharArraySet load() {
      try (Reader reader =
          new InputStreamReader(
              AzerbaijaniAnalyzer.class.getResourceAsStream(DEFAULT_STOPWORD_FILE),
              StandardCharsets.UTF_8)) {
        return CharArraySet.unmodifiableSet(WordlistLoader.getWordSet(reader, "#"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load " + DEFAULT_STOPWORD_FILE, e);
      }
    }
  }

  /** The stemmer with the shipped exception list, loaded once. */
  static AzerbaijaniStemmer defaultStemmer() {
    return DefaultSet.STEMMER;
  }

  /** The default Azerbaijani stop words. */
  public static CharArraySet getDefaultStopSet() {
    return DefaultSet.STOP_WORDS;
  }

  public AzerbaijaniAnalyzer() {
    this(DefaultSet.STOP_WORDS, CharArraySet.EMPTY_SET);
  }

  /**
   * @param stopwords words to drop
   * @param stemExclusionSet words marked as keywords, which the stemmer leaves whole
   */
  public AzerbaijaniAnalyzer(CharArraySet stopwords, CharArraySet stemExclusionSet) {
    super(stopwords);
    this.stemExclusionSet = CharArraySet.unmodifiableSet(CharArraySet.copy(stemExclusionSet));
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new ApostropheFilter(source);
    result = new TurkishLowerCaseFilter(result);
    result = new StopFilter(result, stopwords);
    if (!stemExclusionSet.isEmpty()) {
      result = new SetKeywordMarkerFilter(result, stemExclusionSet);
    }
    result = new AzerbaijaniStemFilter(result, DefaultSet.STEMMER);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new TurkishLowerCaseFilter(in);
  }
}
