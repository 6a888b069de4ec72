package org.sandiq.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** Reads token streams in tests: the terms alone, or every token with offsets and position. */
public final class Tokens {
  private Tokens() {}

  /** One token: its term, offsets and absolute position. */
  public record Token(String term, int start, int end, int position) {}

  /** The terms {@code analyzer} makes of {@code text} in {@code field}. */
  public static List<String> terms(Analyzer analyzer, String field, String text) {
    return all(analyzer.tokenStream(field, text)).stream().map(Token::term).toList();
  }

  /** The terms of {@code stream}, which is consumed and closed. */
  public static List<String> terms(TokenStream stream) {
    return all(stream).stream().map(Token::term).toList();
  }

  /** Every token {@code analyzer} makes of {@code text} in {@code field}. */
  public static List<Token> all(Analyzer analyzer, String field, String text) {
    return all(analyzer.tokenStream(field, text));
  }

  /** Every token of {@code stream}, which is consumed and closed. */
  public static List<Token> all(TokenStream stream) {
    List<Token> tokens = new ArrayList<>();
    try (stream) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(), position));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }
}
