package org.sandiq.analysis;

import java.io.CharArrayReader;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Word boundaries for every script, as {@link ICUTokenizer} finds them, at the speed of Lucene's
 * {@link StandardTokenizer} where that one is enough: the tokenizer of the folded, cross-script and
 * {@code und} fields, at index and at query time (and in the OpenSearch plugin, which runs these
 * analyzers).
 *
 * <p>Both tokenizers apply the Unicode word-break rules (UAX #29); the ICU one also splits a word
 * where its script changes ({@code стандартаDVB} → {@code стандарта}, {@code DVB}) and segments the
 * scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) by dictionary,
 * where the standard one gives each ideograph, or a whole Thai run, as one token. The ICU tokenizer
 * was a ninth of a multilingual reindex, nearly three times the standard one's cost for the same
 * tokens. So a value with any letter of a script that needs a dictionary goes to the ICU tokenizer,
 * as before; any other value goes to the standard tokenizer, whose words are then split where the
 * script changes (as ICU splits them; the punctuation left at a split's edge, such as the
 * apostrophe of {@code O'Хейген}, is dropped; letters common to all scripts, such as the ʻ of
 * transliterations, never split a word) and whose symbol tokens ({@code ©}, {@code ™}, which ICU
 * does not emit) are skipped; pictographs ({@code 😀}) are words in both.
 *
 * <p>The choice is made per value, from the value's own letters, identically at index and query
 * time. What still differs from ICU (0.4 % of 120,000 harness titles and texts, none of the 149,000
 * words of the Azerbaijani Wikipedia vocabulary) are rare forms such as {@code 3rd} and {@code 9시}
 * (one token here, two in ICU; one token in the language fields too, whose analyzers use the
 * standard tokenizer) and runs of underscores (no token here).
 */
public final class WordTokenizer extends Tokenizer {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute increment =
      addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);

  private final Delegate standard = new Delegate(new StandardTokenizer());
  private final Delegate icu = new Delegate(new ICUTokenizer());
  private Delegate active;

  /** The whole value, as read through any character filters. */
  private char[] buffer = new char[1024];

  private int length;

  /** The current standard token, split at script changes: the parts not emitted yet. */
  private final ScriptParts parts = new ScriptParts();

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    if (active == icu) {
      if (!icu.tokenizer.incrementToken()) {
        return false;
      }
      copy(
          icu,
          icu.term.buffer(),
          0,
          icu.term.length(),
          icu.offset.startOffset(),
          icu.offset.endOffset());
      increment.setPositionIncrement(icu.increment.getPositionIncrement());
      return true;
    }
    while (!parts.hasNext()) {
      if (!standard.tokenizer.incrementToken()) {
        return false;
      }
      if (!EMOJI.equals(standard.type.type()) || isPictograph(standard.term)) {
        parts.split(standard.term.buffer(), standard.term.length());
      }
    }
    boolean first = parts.isFirst();
    int start = parts.start();
    int end = parts.end();
    int tokenStart = standard.offset.startOffset();
    copy(
        standard, standard.term.buffer(), start, end - start, tokenStart + start, tokenStart + end);
    increment.setPositionIncrement(first ? standard.increment.getPositionIncrement() : 1);
    parts.next();
    return true;
  }

  private static final String EMOJI = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.EMOJI];

  /**
   * Whether an emoji token is a picture ({@code 😀}, beyond the BMP or with the emoji variation
   * selector), which the ICU tokenizer also emits, rather than a symbol such as {@code ©} or {@code
   * ™}, which it does not.
   */
  private static boolean isPictograph(CharTermAttribute emoji) {
    for (int i = 0; i < emoji.length(); i++) {
      char c = emoji.charAt(i);
      if (Character.isSurrogate(c) || c == '\uFE0F') {
        return true;
      }
    }
    return false;
  }

  private void copy(
      Delegate from, char[] chars, int start, int count, int startOffset, int endOffset) {
    term.copyBuffer(chars, start, count);
    // The delegate read the buffer, so its offsets are into the value as filtered: corrected here
    // through this tokenizer's own character filters.
    offset.setOffset(correctOffset(startOffset), correctOffset(endOffset));
    type.setType(from.type.type());
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    length = 0;
    for (int read; (read = input.read(buffer, length, buffer.length - length)) != -1; ) {
      length += read;
      if (length == buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
    }
    active = needsDictionary(buffer, length) ? icu : standard;
    active.tokenizer.setReader(new CharArrayReader(buffer, 0, length));
    active.tokenizer.reset();
    parts.clear();
  }

  @Override
  public void end() throws IOException {
    super.end();
    if (active != null) {
      active.tokenizer.end();
    }
    int finalOffset = correctOffset(length);
    offset.setOffset(finalOffset, finalOffset);
  }

  @Override
  public void close() throws IOException {
    super.close();
    if (active != null) {
      active.tokenizer.close();
      active = null;
    }
    if (buffer.length > 64 * 1024) {
      buffer = new char[1024]; // one huge value should not pin its buffer to the thread
    }
  }

  /** Whether {@code chars} has a letter of a script the ICU tokenizer segments by dictionary. */
  static boolean needsDictionary(char[] chars, int length) {
    for (int i = 0; i < length; i++) {
      char c = chars[i];
      // Every script below U+0E00 (Latin, Greek, Cyrillic, Arabic, Hebrew, Indic …) is segmented
      // by the break rules alone.
      if (c < 0x0E00) {
        continue;
      }
      int cp = Character.codePointAt(chars, i, length);
      switch (Character.UnicodeScript.of(cp)) {
        case HAN,
            HIRAGANA,
            KATAKANA,
            BOPOMOFO,
            THAI,
            LAO,
            KHMER,
            MYANMAR,
            TAI_LE,
            NEW_TAI_LUE,
            TAI_THAM,
            TAI_VIET -> {
          return true;
        }
        default -> {
          if (Character.isSupplementaryCodePoint(cp)) {
            i++;
          }
        }
      }
    }
    return false;
  }

  /**
   * The parts of one word that are each in one script: split before a letter whose script differs
   * from the part's (characters common to all scripts, such as digits and apostrophes, and
   * combining marks stay with the part they follow), punctuation trimmed from the edges of the
   * parts of a split word. A word in one script is one part, untouched.
   */
  private static final class ScriptParts {
    private int[] starts = new int[4];
    private int[] ends = new int[4];
    private int count;
    private int next;

    void clear() {
      count = 0;
      next = 0;
    }

    boolean hasNext() {
      return next < count;
    }

    boolean isFirst() {
      return next == 0;
    }

    int start() {
      return starts[next];
    }

    int end() {
      return ends[next];
    }

    void next() {
      next++;
    }

    void split(char[] chars, int length) {
      clear();
      Character.UnicodeScript current = null;
      int partStart = 0;
      for (int i = 0; i < length; ) {
        char c = chars[i];
        if (c < 0x80) {
          // ASCII: a letter is Latin, anything else (digit, apostrophe) belongs to every script.
          if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
              && current != Character.UnicodeScript.LATIN) {
            if (current != null) {
              addTrimmed(chars, partStart, i);
              partStart = i;
            }
            current = Character.UnicodeScript.LATIN;
          }
          i++;
          continue;
        }
        int cp = Character.codePointAt(chars, i, length);
        Character.UnicodeScript script = Character.isLetter(cp) ? scriptOfLetter(cp) : null;
        // Modifier letters such as the ʻ ʼ ʿ of transliterations belong to every script.
        if (script != null
            && script != Character.UnicodeScript.COMMON
            && script != Character.UnicodeScript.INHERITED) {
          if (current != null && script != current) {
            addTrimmed(chars, partStart, i);
            partStart = i;
          }
          current = script;
        }
        i += Character.charCount(cp);
      }
      if (partStart == 0) {
        add(0, length);
      } else {
        addTrimmed(chars, partStart, length);
      }
    }

    /**
     * The script of a letter, without the table search for the blocks most text is in. Only letters
     * decide where a word splits: digits, marks and punctuation belong to every script.
     */
    private static Character.UnicodeScript scriptOfLetter(int cp) {
      if (cp < 0x02B0) { // up to the end of the IPA block, with Azerbaijani ə
        return Character.UnicodeScript.LATIN;
      }
      if (cp >= 0x0400 && cp < 0x0530) {
        return Character.UnicodeScript.CYRILLIC;
      }
      if (cp >= 0x0370 && cp < 0x0400) {
        return Character.UnicodeScript.GREEK;
      }
      return Character.UnicodeScript.of(cp);
    }

    private void addTrimmed(char[] chars, int start, int end) {
      while (start < end && !isWordChar(Character.codePointAt(chars, start, end))) {
        start += Character.charCount(Character.codePointAt(chars, start, end));
      }
      while (end > start && !isWordChar(Character.codePointBefore(chars, end, start))) {
        end -= Character.charCount(Character.codePointBefore(chars, end, start));
      }
      if (end > start) {
        add(start, end);
      }
    }

    private static boolean isWordChar(int cp) {
      return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    private void add(int start, int end) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
      }
      starts[count] = start;
      ends[count] = end;
      count++;
    }
  }

  /** A tokenizer with its attributes, fed this tokenizer's buffer. */
  private static final class Delegate {
    final Tokenizer tokenizer;
    final CharTermAttribute term;
    final OffsetAttribute offset;
    final PositionIncrementAttribute increment;
    final TypeAttribute type;

    Delegate(Tokenizer tokenizer) {
      this.tokenizer = tokenizer;
      this.term = tokenizer.addAttribute(CharTermAttribute.class);
      this.offset = tokenizer.addAttribute(OffsetAttribute.class);
      this.increment = tokenizer.addAttribute(PositionIncrementAttribute.class);
      this.type = tokenizer.addAttribute(TypeAttribute.class);
    }
  }
}
