package org.sandiq.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * A {@link TokenFilter} that stems Azerbaijani words with {@link AzerbaijaniStemmer}.
 *
 * <p>Expects lower-cased input (Turkic rules: {@code TurkishLowerCaseFilter}). Tokens marked as
 * keywords (by {@link SetKeywordMarkerFilter}, for example) are left alone.
 */
public final class AzerbaijaniStemFilter extends TokenFilter {
  private final AzerbaijaniStemmer stemmer;
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

  /** A filter with the shipped stemmer and its exception list. */
  public AzerbaijaniStemFilter(TokenStream input) {
    this(input, AzerbaijaniAnalyzer.defaultStemmer());
  }

  public AzerbaijaniStemFilter(TokenStream input, AzerbaijaniStemmer stemmer) {
    super(input);
    this.stemmer = stemmer;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!keywordAtt.isKeyword()) {
      termAtt.setLength(stemmer.stem(termAtt.buffer(), termAtt.length()));
    }
    return true;
  }
}
