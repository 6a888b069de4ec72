package org.sandiq.analysis;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analyzer of the cross-script fields: every word becomes its {@link NameKey}, after Cyrillic
 * is romanised (Azerbaijani Cyrillic with ICU's {@code Azerbaijani-Latin/BGN}, recognised by its
 * own letters {@code ә ғ ҹ ҝ һ ө ү ј}; other Cyrillic with {@code Russian-Latin/BGN}). So {@code
 * Ходжалы}, {@code Khojaly}, {@code Xocalı} and {@code Hocalı} are one term.
 */
public final class CrossScriptAnalyzer extends Analyzer {
  static final String AZERBAIJANI = "Azerbaijani-Latin/BGN";
  static final String RUSSIAN = "Russian-Latin/BGN";

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new ICUTokenizer();
    return new TokenStreamComponents(source, new NameKeyFilter(source));
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
    // One transliterator pair per token stream: a stream is used by one thread at a time.
    private final Transliterator azerbaijani = Transliterator.getInstance(AZERBAIJANI);
    private final Transliterator russian = Transliterator.getInstance(RUSSIAN);

    public NameKeyFilter(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      String word = term.toString();
      String latin = word;
      if (hasCyrillic(word)) {
        latin = (isAzerbaijaniCyrillic(word) ? azerbaijani : russian).transliterate(word);
      }
      String key = NameKey.of(latin);
      if (!key.isEmpty()) {
        term.setEmpty().append(key);
      }
      return true;
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
}
