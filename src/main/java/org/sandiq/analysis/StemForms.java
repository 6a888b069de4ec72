package org.sandiq.analysis;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.CloseableThreadLocal;

/**
 * Which folded words each stem of a text was found as, so that a language field can be indexed
 * without positions and offsets and its matches still be marked.
 *
 * <p>A match of a language field is a stem ({@code forc} for {@code forces}); the words it stands
 * for are in the folded field, which has offsets. While a text's language field is inverted, a tap
 * at the end of that language's chain looks at each stem's source text: where its folded spelling
 * (exactly the folded field's term, {@link #neutralForm}) differs from the stem, the pair {@code
 * language, stem, folded word} is recorded, once per document, and indexed as one term of a
 * separate field without positions. The highlighter turns a stem into the folded words of its pairs
 * (one prefix seek in that field) plus the stem itself (the words whose folded spelling is the
 * stem), and marks those in the folded field.
 *
 * <p>Each text gets a language analyzer of its own here, not the shared one the title fields use: a
 * Lucene analyzer reuses one token stream per thread, and this stream is made before the writer
 * analyses the title. Thread-safe: each indexing thread records into its own {@link Recorder}.
 */
public final class StemForms implements Closeable {
  /** Separates language, stem and word in a pair's term: not a character of any token. */
  private static final char SEPARATOR = '\u001f';

  /** The longest common start a pair records: one byte in UTF-8. */
  private static final int MAX_COMMON = 0x7f;

  private final Map<Language, Analyzer> analyzers = new EnumMap<>(Language.class);
  private final CloseableThreadLocal<Recorder> perThread =
      new CloseableThreadLocal<>() {
        @Override
        protected Recorder initialValue() {
          return new Recorder();
        }
      };

  public StemForms() {
    for (Language language : Language.values()) {
      analyzers.put(language, LanguageAnalyzers.newAnalyzer(language));
    }
  }

  /** This thread's recorder, emptied for a new document. */
  public Recorder begin() {
    Recorder recorder = perThread.get();
    recorder.clear();
    return recorder;
  }

  /**
   * The term of a pair: language and stem, separated, then the folded word as the length of its
   * common start with the stem (one character) and the rest of it. Short terms: the writer hashes
   * and sorts every one.
   */
  public static String pair(Language language, CharSequence stem, String word) {
    int common = 0;
    int most = Math.min(Math.min(stem.length(), word.length()), MAX_COMMON);
    while (common < most && stem.charAt(common) == word.charAt(common)) {
      common++;
    }
    return new StringBuilder(language.code().length() + stem.length() + word.length() + 3 - common)
        .append(language.code())
        .append(SEPARATOR)
        .append(stem)
        .append(SEPARATOR)
        .append((char) common)
        .append(word, common, word.length())
        .toString();
  }

  /**
   * The folded word of {@code pair}, a pair of {@code stem} whose first {@code prefix} bytes are
   * {@link #prefix}'s; null when the term is not one this class wrote.
   */
  public static String word(String stem, BytesRef pair, int prefix) {
    if (pair.length <= prefix) {
      return null;
    }
    int common = pair.bytes[pair.offset + prefix];
    if (common < 0 || common > stem.length()) {
      // Not a pair this class wrote: nothing to mark with.
      return null;
    }
    String rest =
        new BytesRef(pair.bytes, pair.offset + prefix + 1, pair.length - prefix - 1).utf8ToString();
    return stem.substring(0, common) + rest;
  }

  /** What every pair of {@code stem} in {@code language} starts with. */
  public static BytesRef prefix(Language language, String stem) {
    return new BytesRef(language.code() + SEPARATOR + stem + SEPARATOR);
  }

  /**
   * The folded field's term for one word of text: an elided article dropped (l'amour), the Turkic
   * dotless ı as i, the apostrophe suffix dropped, ə as e, then ICU folding; the chain of {@link
   * FoldingAnalyzer#neutral()} on a single word (its other spelling of ə, as a, stands at the same
   * offsets and needs no pair).
   */
  public static String neutralForm(CharSequence word) {
    StringBuilder mapped = new StringBuilder(word.length());
    for (int i = elided(word); i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '\'' || c == '\u2019') {
        break;
      }
      mapped.append(
          switch (c) {
            case 'ı' -> 'i';
            case 'ə' -> 'e';
            case 'Ə' -> 'E';
            default -> c;
          });
    }
    return ICUFoldingFilter.NORMALIZER.normalize(mapped);
  }

  /**
   * Where the word of {@code text} starts: after an elided article ({@link FoldingAnalyzer#ELIDED},
   * as the folded chain drops it), else at 0.
   */
  static int elided(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '\u2019') {
        return FoldingAnalyzer.ELIDED.contains(text.subSequence(0, i)) ? i + 1 : 0;
      }
    }
    return 0;
  }

  @Override
  public void close() {
    perThread.close();
    analyzers.values().forEach(Analyzer::close);
  }

  /**
   * One document's pairs on one thread: tap its language texts, then index {@link #pairs()} after
   * them (the writer inverts a document's fields in the order they were added).
   */
  public final class Recorder {
    private final CharArraySet pairs = new CharArraySet(256, false);
    private final Replay replay = new Replay(pairs);

    private void clear() {
      pairs.clear();
    }

    /**
     * The token stream of {@code text} in {@code language}'s analysis, exactly as that analyzer
     * makes it, recording the pairs of its stems as the writer consumes it. At most one text per
     * language per document.
     */
    public TokenStream text(Language language, String field, String text) {
      return new Tap(analyzers.get(language).tokenStream(field, text), language, text, pairs);
    }

    /** The recorded pairs, one token each: consume after every tapped text. */
    public TokenStream pairs() {
      return replay;
    }
  }

  /** Passes every token on and records the pair of each stem whose word folds to another term. */
  private static final class Tap extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final Language language;
    private final String text;
    private final CharArraySet pairs;
    private final Set<String> seen = new HashSet<>();
    private char[] ascii = new char[32];
    private char[] pair = new char[64];

    Tap(TokenStream input, Language language, String text, CharArraySet pairs) {
      super(input);
      this.language = language;
      this.text = text;
      this.pairs = pairs;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      int start = offset.startOffset();
      int end = offset.endOffset();
      if (end > text.length() || start >= end) {
        return true;
      }
      int folded = foldAscii(start, end);
      if (folded >= 0) {
        if (!sameAsStem(folded)) {
          // Most words recur in a text: their pair is looked up in place, made once.
          int length = pairOfAscii(folded);
          if (!pairs.contains(pair, 0, length)) {
            pairs.add(java.util.Arrays.copyOf(pair, length));
          }
        }
        return true;
      }
      String source = text.substring(start, end);
      // A word seen before in this text adds nothing new: its stem depends on the word alone.
      if (seen.add(source)) {
        String word = neutralForm(source);
        if (!word.isEmpty() && !word.contentEquals(term)) {
          pairs.add(pair(language, term, word));
        }
      }
      return true;
    }

    /**
     * The neutral form of an ASCII source into {@link #ascii} (lower case, an elided article
     * dropped, cut at an apostrophe, which is all ICU folding and the folded chain do to ASCII),
     * returning its length; -1 when the source has a character beyond ASCII.
     */
    private int foldAscii(int start, int end) {
      if (ascii.length < end - start) {
        ascii = new char[end - start];
      }
      int length = 0;
      boolean elided = false;
      for (int i = start; i < end; i++) {
        char c = text.charAt(i);
        if (c >= 0x80) {
          return -1;
        }
        if (c == '\'') {
          if (!elided && FoldingAnalyzer.ELIDED.contains(ascii, 0, length)) {
            // An elided article (l'amour): the word is what follows.
            elided = true;
            length = 0;
            continue;
          }
          break;
        }
        ascii[length++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      }
      return length;
    }

    /**
     * {@link StemForms#pair} of the stem and the first {@code length} characters of {@link #ascii}
     * into {@link #pair}, returning its length.
     */
    private int pairOfAscii(int length) {
      String code = language.code();
      char[] stem = term.buffer();
      int stemLength = term.length();
      int common = 0;
      int most = Math.min(Math.min(stemLength, length), MAX_COMMON);
      while (common < most && stem[common] == ascii[common]) {
        common++;
      }
      int size = code.length() + stemLength + length + 3 - common;
      if (pair.length < size) {
        pair = new char[Math.max(size, pair.length * 2)];
      }
      code.getChars(0, code.length(), pair, 0);
      int at = code.length();
      pair[at++] = SEPARATOR;
      System.arraycopy(stem, 0, pair, at, stemLength);
      at += stemLength;
      pair[at++] = SEPARATOR;
      pair[at++] = (char) common;
      System.arraycopy(ascii, common, pair, at, length - common);
      return at + length - common;
    }

    /** Whether the first {@code length} characters of {@link #ascii} are the stem. */
    private boolean sameAsStem(int length) {
      if (length != term.length()) {
        return length == 0;
      }
      char[] stem = term.buffer();
      for (int i = 0; i < length; i++) {
        if (ascii[i] != stem[i]) {
          return false;
        }
      }
      return true;
    }
  }

  /** The recorded pairs as a token stream (the pair field has no positions or offsets). */
  private static final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final CharArraySet recorded;
    private List<char[]> terms = List.of();
    private int next;

    Replay(CharArraySet recorded) {
      this.recorded = recorded;
    }

    @Override
    public boolean incrementToken() {
      if (next >= terms.size()) {
        return false;
      }
      clearAttributes();
      char[] pair = terms.get(next++);
      term.copyBuffer(pair, 0, pair.length);
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      // Read now, not when the field was made: the taps run as the writer inverts the texts.
      terms = new ArrayList<>(recorded.size());
      for (Object pair : recorded) {
        terms.add((char[]) pair); // a CharArraySet holds its members as char arrays
      }
      next = 0;
    }
  }
}
