package org.sandiq.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.tr.ApostropheFilter;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Language-agnostic {@link Analyzer}: {@link WordTokenizer} (word boundaries for every script) and
 * {@link ICUFoldingFilter} (case, accents and compatibility forms folded away), so that a word
 * typed without its diacritics still matches.
 *
 * <p>Two configurations: {@link #neutral()} for the folded field every document is indexed into,
 * which also spells Azerbaijani {@code ə} both as {@code e} (as people type it on ASCII keyboards:
 * {@code Xankəndi}, {@code XANKƏNDİ} and {@code xankendi} become one term) and as {@code a} (as
 * English transliteration writes it: {@code Aliyev} for {@code Əliyev}), see {@link
 * SchwaVariantFilter}, and drops Turkic apostrophe suffixes; and {@link #fallback()}, the analyzer
 * for text in languages Sandiq has no rules for. Both drop the elided articles of French, Italian
 * and Catalan ({@link #ELIDED}: {@code l'amour} is {@code amour}), which the Turkic rule would
 * otherwise keep in place of the word.
 */
public final class FoldingAnalyzer extends Analyzer {
  private final NormalizeCharMap charMap;
  private final boolean stripApostropheSuffixes;

  private FoldingAnalyzer(NormalizeCharMap charMap, boolean stripApostropheSuffixes) {
    this.charMap = charMap;
    this.stripApostropheSuffixes = stripApostropheSuffixes;
  }

  /** The analyzer of the folded field. */
  public static FoldingAnalyzer neutral() {
    return new FoldingAnalyzer(NEUTRAL_MAP, true);
  }

  /**
   * The folded field's character map. ə is spelt two ways on ASCII keyboards (Eliyev, Aliyev):
   * SchwaVariantFilter indexes both. ICU folding leaves the Turkic dotless ı alone; ASCII typists
   * write it as i.
   */
  static final NormalizeCharMap NEUTRAL_MAP = neutralMap();

  private static final char DOTLESS_I = 'ı';

  private static NormalizeCharMap neutralMap() {
    NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
    map.add(String.valueOf(DOTLESS_I), "i");
    return map.build();
  }

  /**
   * {@code value} mapped as {@link #NEUTRAL_MAP} maps it: one character for one, so no offset
   * moves. The index's shared tokenisation maps a whole text so ({@link VariantStreams}), a
   * vectorised scan, where the char filter looked each character up in its map (2 % of a
   * multilingual reindex).
   */
  static String neutral(String value) {
    return value.replace(DOTLESS_I, 'i');
  }

  /**
   * The folded field's chain after its tokenizer (and after whatever sits right after it): the
   * Turkic apostrophe suffix dropped, ə spelt both ways, then ICU folding. {@link VariantStreams}
   * builds the same chain on its shared tokenisation.
   */
  static TokenStream neutralChain(TokenStream tokens) {
    // The article before the word first: the Turkic rule keeps what comes before an apostrophe.
    TokenStream result = new ApostropheFilter(new ElisionFilter(tokens, ELIDED));
    // Before folding, which would turn ə into a alone.
    result = new SchwaVariantFilter(result);
    return new ICUFoldingFilter(result);
  }

  /**
   * The elided articles and prepositions of French ({@code l'}, {@code d'}, {@code qu'} …), Italian
   * ({@code dell'}, {@code un'} …) and Catalan, in any case: before an apostrophe they are not the
   * word (Lucene's French, Italian and Catalan analyzers drop the same with {@link ElisionFilter}).
   * A Turkic word before an apostrophe is a name (İstanbul'da), never one of these.
   */
  public static final CharArraySet ELIDED =
      CharArraySet.unmodifiableSet(
          new CharArraySet(
              java.util.List.of(
                  "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu",
                  "puisqu", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl",
                  "dagl", "degl", "negl", "sugl", "un", "v"),
              true));

  /** The analyzer for languages without rules of their own. */
  public static FoldingAnalyzer fallback() {
    return new FoldingAnalyzer(null, false);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return charMap == null ? reader : new MappingCharFilter(charMap, reader);
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    return initReader(fieldName, reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new WordTokenizer();
    TokenStream result =
        stripApostropheSuffixes
            ? neutralChain(source)
            : new ICUFoldingFilter(new ElisionFilter(source, ELIDED));
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ICUFoldingFilter(in);
  }
}
