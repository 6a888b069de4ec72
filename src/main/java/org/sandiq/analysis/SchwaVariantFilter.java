package org.sandiq.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Spells Azerbaijani {@code ə} the two ways Latin keyboards and transliterations do: a token with
 * {@code ə} becomes the token with {@code e} ({@code Əliyev} → {@code eliyev}, as ASCII typists
 * write it) and, at the same position, the token with {@code a} ({@code aliyev}, as English
 * transliteration writes it). Runs before ICU folding (which would make {@code ə} an {@code a}
 * alone) and handles both cases ({@code Ə}). At query time the two make a synonym query, so {@code
 * Əliyev}, {@code Eliyev} and {@code Aliyev} all find one another.
 */
public final class SchwaVariantFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute position =
      addAttribute(PositionIncrementAttribute.class);
  private AttributeSource.State pending;
  private String pendingTerm;

  public SchwaVariantFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (pending != null) {
      restoreState(pending);
      term.setEmpty().append(pendingTerm);
      position.setPositionIncrement(0);
      pending = null;
      pendingTerm = null;
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    // Looked for in the term's buffer: every token of every folded field passes here, and few
    // have a schwa (a string per token was a tenth of the bytes a reindex allocated).
    if (hasSchwa(term.buffer(), term.length())) {
      String word = term.toString();
      pendingTerm = word.replace('ə', 'a').replace('Ə', 'A');
      term.setEmpty().append(word.replace('ə', 'e').replace('Ə', 'E'));
      pending = captureState();
    }
    return true;
  }

  private static boolean hasSchwa(char[] buffer, int length) {
    for (int i = 0; i < length; i++) {
      if (buffer[i] == 'ə' || buffer[i] == 'Ə') {
        return true;
      }
    }
    return false;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending = null;
    pendingTerm = null;
  }
}
