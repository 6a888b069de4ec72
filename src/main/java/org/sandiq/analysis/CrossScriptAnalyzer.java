package org.sandiq.analysis;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analyzer of the cross-script fields: every word becomes its {@link NameKey}, after Cyrillic
 * is romanised (Azerbaijani Cyrillic with ICU's {@code Azerbaijani-Latin/BGN}, recognised by its
 * own letters {@code ә ғ ҹ ҝ һ ө ү ј}; other Cyrillic with {@code Russian-Latin/BGN}). So {@code
 * Ходжалы}, {@code Khojaly}, {@code Xocalı} and {@code Hocalı} are one term.
 *
 * <p>Two configurations. {@link #forQueries()} keys every word: a user types a name in any case.
 * {@link #forIndexing()} keys only the words a text writes as names ({@link NameLikeFilter}: a
 * capital first letter), at their own positions: the key exists to find a name written in another
 * script or convention, and an ordinary word is found by the language and folded fields anyway.
 * Skipping ordinary words takes about four in five tokens out of the cross-script fields, the
 * largest share of the index's inversion work after the two fields every word must be in.
 */
public final class CrossScriptAnalyzer extends Analyzer {
  static final String AZERBAIJANI = "Azerbaijani-Latin/BGN";
  static final String RUSSIAN = "Russian-Latin/BGN";

  private final boolean namesOnly;

  private CrossScriptAnalyzer(boolean namesOnly) {
    this.namesOnly = namesOnly;
  }

  /** Keys every word: the analysis of a query word. */
  public static CrossScriptAnalyzer forQueries() {
    return new CrossScriptAnalyzer(false);
  }

  /** Keys the name-like words of a text only: the analysis of an indexed title or text. */
  public static CrossScriptAnalyzer forIndexing() {
    return new CrossScriptAnalyzer(true);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new WordTokenizer();
    TokenStream names = namesOnly ? new NameLikeFilter(source) : source;
    return new TokenStreamComponents(source, new NameKeyFilter(names));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new NameKeyFilter(in);
  }

  /**
   * Romanises Cyrillic words and replaces every word by its key. Public so that the OpenSearch
   * plugin offers it as a token filter of its own ({@code sandiq_name_key}).
   */
  public static final class NameKeyFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final Keys keys = new Keys();

    public NameKeyFilter(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      String key = keys.of(term.toString());
      if (key != null) {
        term.setEmpty().append(key);
      }
      return true;
    }
  }

  /**
   * Computes words' keys with one pair of transliterators: not thread-safe, one per token stream (a
   * stream is used by one thread at a time).
   */
  static final class Keys {
    private final Transliterator azerbaijani = Transliterator.getInstance(AZERBAIJANI);
    private final Transliterator russian = Transliterator.getInstance(RUSSIAN);

    /**
     * The key of one word (romanised first when Cyrillic), or null when it has none (no letters the
     * key keeps): then the word stands as it is.
     */
    String of(String word) {
      String latin = word;
      if (hasCyrillic(word)) {
        latin = (isAzerbaijaniCyrillic(word) ? azerbaijani : russian).transliterate(word);
      }
      String key = NameKey.of(latin);
      return key.isEmpty() ? null : key;
    }

    private static boolean hasCyrillic(String word) {
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        // The Cyrillic block is U+0400..U+04FF; the range test spares a block lookup per letter.
        if (c >= 0x0400 && c <= 0x04FF) {
          return true;
        }
      }
      return false;
    }

    private static boolean isAzerbaijaniCyrillic(String word) {
      for (int i = 0; i < word.length(); i++) {
        if ("әӘғҒҹҸҝҜһҺөӨүҮјЈ".indexOf(word.charAt(i)) >= 0) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Keeps the words a text writes as names: those whose first letter is a capital (or title-case)
   * letter, in any cased script. Sentence-initial words pass too, which costs little; a name a text
   * writes in lower case is still found through the folded field in its own script. Public so that
   * the OpenSearch plugin offers it as a token filter ({@code sandiq_name_like}).
   */
  public static final class NameLikeFilter extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public NameLikeFilter(TokenStream input) {
      super(input);
    }

    @Override
    protected boolean accept() {
      return isNameLike(term);
    }

    /** Whether {@code word} starts with a capital or title-case letter. */
    static boolean isNameLike(CharTermAttribute word) {
      if (word.length() == 0) {
        return false;
      }
      int first = Character.codePointAt(word.buffer(), 0, word.length());
      return Character.isUpperCase(first) || Character.isTitleCase(first);
    }
  }
}
