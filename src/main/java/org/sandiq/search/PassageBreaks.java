package org.sandiq.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Where a passage of a snippet may begin or end: right after any whitespace character, and, inside
 * a run of {@value #LONGEST_RUN} or more characters with no whitespace, at every multiple of
 * {@value #LONGEST_RUN} at least that far into the run (one character later where the multiple
 * falls inside a surrogate pair). The highlighter joins these boundaries into passages of about the
 * length it aims for ({@code LengthGoalBreakIterator}).
 *
 * <p>Why not Lucene's {@code CustomSeparatorBreakIterator(' ')}: it knows one separator, and text
 * with none near a match (a list with one entry per line, Chinese or Thai with no spaces, a page of
 * base64) gave a passage of the whole text: a 2.7 MB snippet for one hit of the benchmark's {@code
 * cacm}, 50 ms to write. Here every kind of whitespace separates, and a long run is cut where it
 * must be, so no passage is much longer than asked; ordinary words (shorter than a run) are never
 * cut, and a cut never falls between the two halves of a surrogate pair.
 *
 * <p>Only what the unified highlighter calls is fast ({@link #following}, {@link #preceding},
 * {@link #first}, {@link #last}, {@link #current}); {@link #next()} and {@link #previous()} work
 * from those. Not thread-safe, as no break iterator is.
 */
final class PassageBreaks extends BreakIterator {
  /** The most characters without whitespace a passage may not cut. */
  static final int LONGEST_RUN = 32;

  private String text = "";
  private int current;

  @Override
  public void setText(String newText) {
    text = newText;
    current = 0;
  }

  @Override
  public void setText(CharacterIterator newText) {
    StringBuilder chars = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
    for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
      chars.append(c);
    }
    setText(chars.toString());
  }

  @Override
  public CharacterIterator getText() {
    return new StringCharacterIterator(text);
  }

  @Override
  public int first() {
    return current = 0;
  }

  @Override
  public int last() {
    return current = text.length();
  }

  @Override
  public int current() {
    return current;
  }

  @Override
  public int next() {
    return current >= text.length() ? DONE : following(current);
  }

  @Override
  public int previous() {
    return current <= 0 ? DONE : preceding(current);
  }

  @Override
  public int next(int n) {
    int at = current;
    for (int i = 0; i < n && at != DONE; i++) {
      at = next();
    }
    for (int i = 0; i > n && at != DONE; i--) {
      at = previous();
    }
    return at;
  }

  /** The first boundary after {@code offset}: the end of the text when there is no other. */
  @Override
  public int following(int offset) {
    checkOffset(offset);
    if (offset >= text.length()) {
      current = text.length();
      return DONE;
    }
    int run = runBefore(offset);
    for (int i = offset + 1; i < text.length(); i++) {
      char before = text.charAt(i - 1);
      if (isSpace(before)) {
        return current = i;
      }
      run++;
      if (run >= LONGEST_RUN && isForcedCut(i)) {
        return current = i;
      }
    }
    return current = text.length();
  }

  /** The last boundary before {@code offset}: the start of the text when there is no other. */
  @Override
  public int preceding(int offset) {
    checkOffset(offset);
    if (offset <= 0) {
      current = 0;
      return DONE;
    }
    for (int i = offset - 1; i > 0; i--) {
      if (isBoundary(i)) {
        return current = i;
      }
    }
    return current = 0;
  }

  @Override
  public boolean isBoundary(int offset) {
    checkOffset(offset);
    if (offset == 0 || offset == text.length()) {
      return true;
    }
    char before = text.charAt(offset - 1);
    if (isSpace(before)) {
      return true;
    }
    return isForcedCut(offset) && runBefore(offset) >= LONGEST_RUN;
  }

  /**
   * Whether a long run is cut at {@code offset}: a multiple of {@value #LONGEST_RUN}, or the
   * character after one that falls inside a surrogate pair.
   */
  private boolean isForcedCut(int offset) {
    int past = offset % LONGEST_RUN;
    return past == 0
        ? !Character.isHighSurrogate(text.charAt(offset - 1))
        : past == 1 && offset >= 2 && Character.isHighSurrogate(text.charAt(offset - 2));
  }

  /** How many characters without whitespace end at {@code offset}, counting up to a run's worth. */
  private int runBefore(int offset) {
    int run = 0;
    for (int i = offset - 1; i >= 0 && run < LONGEST_RUN && !isSpace(text.charAt(i)); i--) {
      run++;
    }
    return run;
  }

  /**
   * Whitespace as the snippet's flattening sees it (ASCII whitespace), and the Unicode spaces a
   * page puts between words (no-break, em, ideographic).
   */
  static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || Character.isSpaceChar(c);
  }

  private void checkOffset(int offset) {
    if (offset < 0 || offset > text.length()) {
      throw new IllegalArgumentException(
          "offset " + offset + " outside the text of " + text.length() + " characters");
    }
  }
}
