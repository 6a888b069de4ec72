package org.sandiq.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The keys that group copies of a document, computed from its clean text and URL.
 *
 * @param exact the same for documents with the same text (case, accents and spacing aside): 16 hex
 *     digits of SHA-256 over the normalised text
 * @param near a MinHash sketch over 4-word shingles of the normalised text, 32 hex digits: texts
 *     that differ only in a few words (a date line, a counter, a changed teaser) usually get the
 *     same value, so equal values form a near-duplicate cluster; null for texts under 8 words
 * @param url the normalised URL (lower-case host without {@code www.}, no fragment, no tracking
 *     parameters, no trailing slash) shared by every capture of one page; null for loose files
 * @see <a href="https://doi.org/10.1109/SEQUEN.1997.666900">Broder, On the resemblance and
 *     containment of documents (MinHash), 1997</a>
 */
public record DuplicateKeys(String exact, String near, String url) {
  private static final Pattern TRACKING = Pattern.compile("^(utm_[a-z]+|fbclid|gclid)=.*");
  private static final int SHINGLE = 4;

  /** The keys of {@code doc}. */
  public static DuplicateKeys of(CleanDocument doc) {
    Words words = Words.of(doc.text());
    String exact = HexFormat.of().formatHex(DocumentIds.sha256(words.joined()), 0, 8);
    String near = words.count() < 2 * SHINGLE ? null : minHash(words.hashes(), words.count());
    return new DuplicateKeys(exact, near, urlKey(doc.url()));
  }

  /**
   * The words of a text, folded (lower case, compatibility forms, accents stripped): each word's
   * hash for the shingles, and all of them joined by single spaces, as UTF-8, for the exact key.
   *
   * <p>A word is a run of letters and numbers ({@code [\p{L}\p{N}]+}), found in one pass over the
   * characters, with no regular expression and no string per word: every document of a reindex goes
   * through this, and it was an eighth of the work of a reindex with the standard analyzer. Plain
   * ASCII text (most of an English archive) takes a pass over its bytes of its own ({@link
   * #ofAscii}), with the same words, hashes and bytes as the general pass.
   */
  record Words(byte[] joined, long[] hashes, int count) {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    static Words of(String text) {
      return isAscii(text) ? ofAscii(text) : ofAny(text);
    }

    /**
     * The words of ASCII text: letters and digits, upper case lowered by adding 32, on the text's
     * bytes (a Latin-1 string hands them over in one copy): no lower-cased copy of the text, no
     * code-point decoding, no UTF-8 encoding of the joined words (the general pass spent its time
     * in those, in bounds checks and in per-character calls).
     */
    static Words ofAscii(String text) {
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
      return new Words(Arrays.copyOf(joined, length), hashes, count);
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
    static Words ofAny(String text) {
      Words words = ofTable(text);
      return words != null ? words : ofFolded(fold(text));
    }

    /**
     * The words of a text below U+3000, each character folded by {@link #FOLDED} as it is scanned:
     * the same words, hashes and bytes as {@link #ofFolded} of {@link #foldByTable}, without the
     * folded copy of the text and its second scan (together most of the keys' time on text that is
     * not plain ASCII); null for text that does not fold by table.
     */
    static Words ofTable(String text) {
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
      return new Words(
          new String(joined, 0, length).getBytes(StandardCharsets.UTF_8), hashes, count);
    }

    /** The words of an already folded text, scanned by code point. */
    static Words ofFolded(String folded) {
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
      return new Words(
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
     * punctuation and symbols), one table lookup per character; null for other text. Decomposing
     * the whole text and rebuilding it without marks was three quarters of the keys' time, and the
     * keys an eighth of a standard-analysis reindex. The per-character result is the whole text's:
     * a compatibility decomposition is per character, and its only reordering (of combining marks)
     * is of marks, which are removed; the one lower-casing that depends on neighbours, final sigma,
     * is left out of the table.
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
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * A MinHash sketch of the shingle set: its two smallest shingle hashes. Two texts share it with a
   * probability close to the square of their Jaccard similarity (about 0.8 for texts 90% alike,
   * almost never for different ones), so one value serves as a cluster key without comparing
   * documents pairwise.
   */
  private static String minHash(long[] wordHashes, int words) {
    long first = -1; // unsigned maximum
    long second = -1;
    for (int i = 0; i + SHINGLE <= words; i++) {
      // The shingle's hash from its words' hashes, order-sensitive: no string per shingle.
      long h = 0;
      for (int k = 0; k < SHINGLE; k++) {
        h = mix(h * 0x9E3779B97F4A7C15L + wordHashes[i + k]);
      }
      if (Long.compareUnsigned(h, first) < 0) {
        second = first;
        first = h;
      } else if (h != first && Long.compareUnsigned(h, second) < 0) {
        second = h;
      }
    }
    return HexFormat.of().toHexDigits(first) + HexFormat.of().toHexDigits(second);
  }

  /** Murmur3's 64-bit finaliser. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /** The normalised form of an http(s) URL, or null when {@code url} is none. */
  public static String urlKey(String url) {
    if (Sites.hostOf(url) == null) {
      return null;
    }
    try {
      URI uri = URI.create(url.strip());
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (path.length() > 1 && path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      StringBuilder key = new StringBuilder(Sites.hostOf(url));
      if (uri.getPort() > 0 && uri.getPort() != 80 && uri.getPort() != 443) {
        key.append(':').append(uri.getPort());
      }
      key.append(path);
      if (uri.getRawQuery() != null) {
        List<String> kept = new ArrayList<>();
        for (String param : uri.getRawQuery().split("&")) {
          if (!param.isEmpty() && !TRACKING.matcher(param.toLowerCase(Locale.ROOT)).matches()) {
            kept.add(param);
          }
        }
        if (!kept.isEmpty()) {
          key.append('?').append(String.join("&", kept));
        }
      }
      return key.toString();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
