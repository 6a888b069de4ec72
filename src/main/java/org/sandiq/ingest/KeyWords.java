package org.sandiq.ingest;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The words of a document's text as its duplicate keys ({@link DuplicateKeys}) see them, folded
 * (lower case, compatibility forms, accents stripped): each word's hash for the shingles, and all
 * of them joined by single spaces, as UTF-8, for the exact key.
 *
 * <p>A word is a run of letters and numbers ({@code [\p{L}\p{N}]+}), found in one pass over the
 * characters, with no regular expression and no string per word: every document of a reindex goes
 * through this, and it was an eighth of the work of a reindex with the standard analyzer. Plain
 * ASCII text (most of an English archive) takes a pass over its bytes of its own ({@link
 * #ofAscii}), with the same words, hashes and bytes as the general pass.
 */
record KeyWords(byte[] joined, long[] hashes, int count) {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  static KeyWords of(String text) {
    return isAscii(text) ? ofAscii(text) : ofAny(text);
  }

  /**
   * The words of ASCII text: letters and digits, upper case lowered by adding 32, on the text's
   * bytes (a Latin-1 string hands them over in one copy): no lower-cased copy of the text, no
   * code-point decoding, no UTF-8 encoding of the joined words (the general pass spent its time in
   * those, in bounds checks and in per-character calls).
   */
  static KeyWords ofAscii(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    int n = bytes.length;
    byte[] joined = new byte[n];
    int length = 0;
    long[] hashes = new long[16];
    int count = 0;
    int i = 0;
    while (i < n) {
      int c = bytes[i];
      if (!isAsciiWordChar(c)) {
        i++;
        continue;
      }
      if (count > 0) {
        joined[length++] = ' ';
      }
      long h = FNV_OFFSET;
      do {
        int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
        joined[length++] = (byte) lower;
        h ^= lower;
        h *= FNV_PRIME;
        if (++i >= n) {
          break;
        }
        c = bytes[i];
      } while (isAsciiWordChar(c));
      hashes = withHash(hashes, count++, mix(h));
    }
    return new KeyWords(Arrays.copyOf(joined, length), hashes, count);
  }

  /** {@code hashes} with {@code hash} at {@code index}, grown when full. */
  private static long[] withHash(long[] hashes, int index, long hash) {
    long[] room = index == hashes.length ? Arrays.copyOf(hashes, index * 2) : hashes;
    room[index] = hash;
    return room;
  }

  private static boolean isAsciiWordChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  }

  /**
   * The words of any text: folded and scanned in one pass ({@link #ofTable}) when every character
   * folds by table, else folded first ({@link #fold}) and then scanned ({@link #ofFolded}).
   */
  static KeyWords ofAny(String text) {
    KeyWords words = ofTable(text);
    return words != null ? words : ofFolded(fold(text));
  }

  /**
   * The words of a text below U+3000, each character folded by {@link #FOLDED} as it is scanned:
   * the same words, hashes and bytes as {@link #ofFolded} of {@link #foldByTable}, without the
   * folded copy of the text and its second scan (together most of the keys' time on text that is
   * not plain ASCII); null for text that does not fold by table.
   */
  static KeyWords ofTable(String text) {
    int n = text.length();
    char[] joined = new char[n + 16];
    int length = 0;
    long[] hashes = new long[16];
    int count = 0;
    boolean inWord = false;
    long h = FNV_OFFSET;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      String table = null;
      char single = 0;
      int width = 1;
      if (c < 0x80) {
        single = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      } else {
        table = c < FOLDED.length ? FOLDED[c] : null;
        if (table == null) {
          return null;
        }
        width = table.length();
      }
      if (length + width + 1 > joined.length) { // a word's space and the folded character
        joined = Arrays.copyOf(joined, Math.max(joined.length * 2, length + width + 1));
      }
      for (int k = 0; k < width; k++) {
        char f = table == null ? single : table.charAt(k);
        if (f < WORD_CHAR.length ? WORD_CHAR[f] : isWordChar(f)) {
          if (!inWord) {
            if (count > 0) {
              joined[length++] = ' ';
            }
            inWord = true;
            h = FNV_OFFSET;
          }
          joined[length++] = f;
          h ^= f;
          h *= FNV_PRIME;
        } else if (inWord) {
          inWord = false;
          hashes = withHash(hashes, count++, mix(h));
        }
      }
    }
    if (inWord) {
      hashes = withHash(hashes, count++, mix(h));
    }
    return new KeyWords(
        new String(joined, 0, length).getBytes(StandardCharsets.UTF_8), hashes, count);
  }

  /** The words of an already folded text, scanned by code point. */
  static KeyWords ofFolded(String folded) {
    int n = folded.length();
    char[] joined = new char[n];
    int length = 0;
    long[] hashes = new long[16];
    int count = 0;
    int i = 0;
    while (i < n) {
      int cp = folded.codePointAt(i);
      int width = Character.charCount(cp);
      if (!isWordChar(cp)) {
        i += width;
        continue;
      }
      if (count > 0) {
        joined[length++] = ' ';
      }
      long h = FNV_OFFSET; // 64-bit FNV-1a over the word's UTF-16 units
      do {
        for (int k = 0; k < width; k++) {
          char c = folded.charAt(i + k);
          joined[length++] = c;
          h ^= c;
          h *= FNV_PRIME;
        }
        i += width;
        if (i >= n) {
          break;
        }
        cp = folded.codePointAt(i);
        width = Character.charCount(cp);
      } while (isWordChar(cp));
      hashes = withHash(hashes, count++, mix(h));
    }
    return new KeyWords(
        new String(joined, 0, length).getBytes(StandardCharsets.UTF_8), hashes, count);
  }

  /** Lower case; for text beyond ASCII also compatibility-decomposed with its marks removed. */
  static String fold(String text) {
    // Plain ASCII (most of an English archive) has no marks to strip: skip the decomposition.
    if (isAscii(text)) {
      return text.toLowerCase(Locale.ROOT);
    }
    String byTable = foldByTable(text);
    return byTable != null ? byTable : foldByNormalizer(text);
  }

  /**
   * {@link #fold} of a text whose every character is below U+3000 (any alphabet, with its
   * punctuation and symbols), one table lookup per character; null for other text. Decomposing the
   * whole text and rebuilding it without marks was three quarters of the keys' time, and the keys
   * an eighth of a standard-analysis reindex. The per-character result is the whole text's: a
   * compatibility decomposition is per character, and its only reordering (of combining marks) is
   * of marks, which are removed; the one lower-casing that depends on neighbours, final sigma, is
   * left out of the table.
   */
  static String foldByTable(String text) {
    int n = text.length();
    StringBuilder folded = new StringBuilder(n + 16);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        folded.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
      } else if (c < FOLDED.length && FOLDED[c] != null) {
        folded.append(FOLDED[c]);
      } else {
        return null;
      }
    }
    return folded.toString();
  }

  /** {@link #fold} by Java's normaliser: decomposed, marks removed, lower-cased. */
  static String foldByNormalizer(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder unmarked = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      if (!isMark(cp)) {
        unmarked.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return unmarked.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * The folded form of each character from U+0080 to U+2FFF (the alphabets, punctuation such as
   * curly quotes and dashes, symbols), null where it is not per character. Above are CJK and the
   * surrogates of emoji: such text takes the normaliser.
   */
  private static final String[] FOLDED = foldedTable(0x3000);

  /** {@link #isWordChar} of each character below U+3000, as {@link #FOLDED} reaches. */
  private static final boolean[] WORD_CHAR = wordChars(0x3000);

  private static boolean[] wordChars(int end) {
    boolean[] table = new boolean[end];
    for (int c = 0; c < end; c++) {
      table[c] = isWordChar(c);
    }
    return table;
  }

  private static String[] foldedTable(int end) {
    String[] table = new String[end];
    for (char c = 0x80; c < end; c++) {
      String folded = foldByNormalizer(String.valueOf(c));
      boolean single = folded.chars().noneMatch(u -> Character.isSurrogate((char) u));
      // Σ lower-cases to ς at the end of a word and to σ elsewhere: it depends on its neighbours,
      // and so does every character that decomposes to it (Ϲ, the lunate sigma).
      boolean sigma =
          Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD).indexOf('\u03a3') >= 0;
      table[c] = sigma || !single ? null : folded;
    }
    return table;
  }

  /** {@code \p{M}}: the three mark categories. */
  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /** {@code [\p{L}\p{N}]}: a letter or a number of any of the three number categories. */
  private static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
    }
    if (Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Murmur3's 64-bit finaliser. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
