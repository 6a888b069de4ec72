package org.sandiq.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text rules shared by every reader: whitespace normalised inside lines, blocks separated by
 * exactly one blank line, short lines that repeat within a document dropped as boilerplate, and a
 * title derived from the text when the document has none.
 */
final class PlainText {

  /** Lines of at most this many words that repeat are navigation or teaser labels. */
  static final int BOILERPLATE_MAX_WORDS = 4;

  /** ... when they occur at least this often in one document ("See more" under each teaser). */
  static final int BOILERPLATE_MIN_REPEATS = 3;

  private static final int TITLE_MAX_CHARS = 120;

  private PlainText() {}

  /**
   * Normalises whitespace: within a line, runs of spaces become one space; lines are trimmed; runs
   * of blank lines become one blank line, which separates blocks. Control characters are dropped.
   *
   * <p>One pass over the characters, no regular expressions: every document goes through this at
   * least twice per reindex.
   */
  static String normalize(String text) {
    int n = text.length();
    char[] in = text.toCharArray();
    // Arrays, not StringBuilders: a separator is written only for a line ended in the text, so
    // the result is never longer than the text, and a line never longer than the text.
    char[] out = new char[n];
    int length = 0;
    char[] line = new char[Math.min(n, 4096)];
    int lineLength = 0;
    boolean pendingBreak = false;
    for (int i = 0; i <= n; i++) {
      // A run of printable ASCII, most of most texts, is copied at once: per character, the tests
      // below and a String's charAt checks made this loop about 5 % of a standard reindex.
      int run = i;
      while (run < n && in[run] > ' ' && in[run] < 0x7F) {
        run++;
      }
      if (run > i) {
        line = room(line, lineLength, run - i);
        System.arraycopy(in, i, line, lineLength, run - i);
        lineLength += run - i;
        i = run;
      }
      char c = i < n ? in[i] : '\n';
      if (c == '\r') {
        if (i + 1 < n && in[i + 1] == '\n') {
          i++;
        }
        c = '\n';
      }
      if (c == '\n') {
        int start = 0;
        int end = lineLength;
        while (start < end && Character.isWhitespace(line[start])) {
          start++;
        }
        while (end > start && Character.isWhitespace(line[end - 1])) {
          end--;
        }
        if (start == end) {
          pendingBreak = length > 0;
        } else {
          if (length > 0) {
            out[length++] = '\n';
            if (pendingBreak) {
              out[length++] = '\n';
            }
          }
          System.arraycopy(line, start, out, length, end - start);
          length += end - start;
          pendingBreak = false;
        }
        lineLength = 0;
      } else if (isHorizontalSpace(c)) {
        if (lineLength == 0 || line[lineLength - 1] != ' ') {
          line = room(line, lineLength, 1);
          line[lineLength++] = ' ';
        }
      } else if (!isControl(c)) {
        line = room(line, lineLength, 1);
        line[lineLength++] = c;
      }
    }
    return new String(out, 0, length);
  }

  /** {@code line}, or a copy with room for {@code more} characters after {@code length}. */
  private static char[] room(char[] line, int length, int more) {
    return length + more <= line.length
        ? line
        : Arrays.copyOf(line, Math.max(16, Math.max(line.length * 2, length + more)));
  }

  /** Spaces and tabs, the no-break and typographic spaces: each run becomes one space. */
  private static boolean isHorizontalSpace(char c) {
    return c == ' '
        || c == '\t'
        || c == 0x0B
        || c == '\f'
        || c == 0x00A0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A)
        || c == 0x202F
        || c == 0x205F
        || c == 0x3000;
  }

  /** C0 controls other than tab and line breaks, and DEL: never part of a text. */
  private static boolean isControl(char c) {
    return c <= 0x08 || (c >= 0x0E && c <= 0x1F) || c == 0x7F;
  }

  /**
   * Drops short lines (at most {@value #BOILERPLATE_MAX_WORDS} words) that occur at least {@value
   * #BOILERPLATE_MIN_REPEATS} times in the document: "See more", "Read more", "Share" repeated
   * under every teaser carry no content, and would otherwise match every query for "more".
   */
  static String dropRepeatedShortLines(String normalized) {
    // Most texts have no short line that repeats: find that out without splitting the text.
    Map<String, Integer> counts = new HashMap<>();
    boolean repeats = false;
    for (int start = 0; start <= normalized.length(); ) {
      int end = normalized.indexOf('\n', start);
      end = end < 0 ? normalized.length() : end;
      if (isShort(normalized, start, end)) {
        repeats |=
            counts.merge(normalized.substring(start, end), 1, Integer::sum)
                >= BOILERPLATE_MIN_REPEATS;
      }
      start = end + 1;
    }
    if (!repeats) {
      return normalized;
    }
    String[] lines = normalized.split("\n", -1);
    List<String> kept = new ArrayList<>(lines.length);
    for (String line : lines) {
      if (!(isShort(line, 0, line.length())
          && counts.getOrDefault(line, 0) >= BOILERPLATE_MIN_REPEATS)) {
        kept.add(line);
      }
    }
    return normalize(String.join("\n", kept));
  }

  /**
   * Whether a normalised line (trimmed, single spaces) has at most {@value #BOILERPLATE_MAX_WORDS}
   * words.
   */
  private static boolean isShort(String text, int start, int end) {
    if (start == end) {
      return false;
    }
    int spaces = 0;
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == ' ' && ++spaces >= BOILERPLATE_MAX_WORDS) {
        return false;
      }
    }
    return true;
  }

  /**
   * A title made from the start of {@code text}: its first sentence or line, cut at a word boundary
   * to at most {@value #TITLE_MAX_CHARS} characters with an ellipsis.
   */
  static String headline(String text) {
    String first = text.strip();
    int newline = first.indexOf('\n');
    if (newline >= 0) {
      first = first.substring(0, newline);
    }
    int sentenceEnd = sentenceEnd(first);
    if (sentenceEnd > 0) {
      first = first.substring(0, sentenceEnd);
    }
    return shortened(first, TITLE_MAX_CHARS);
  }

  /**
   * {@code line} when it has at most {@code max} characters, else cut at its last space before
   * {@code max} (or at {@code max} when that space is in the first half, never inside a surrogate
   * pair) with an ellipsis.
   */
  static String shortened(String line, int max) {
    if (line.length() <= max) {
      return line;
    }
    int cut = line.lastIndexOf(' ', max);
    if (cut <= max / 2) {
      cut = Character.isHighSurrogate(line.charAt(max - 1)) ? max - 1 : max;
    }
    return line.substring(0, cut).strip() + "…";
  }

  private static int sentenceEnd(String line) {
    for (int i = 20; i < line.length() - 1; i++) {
      char c = line.charAt(i);
      if ((c == '.' || c == '!' || c == '?') && line.charAt(i + 1) == ' ') {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * Whether {@code line} reads as a title: short, not a sentence that ends in a full stop or a
   * comma, and containing at least one letter.
   */
  static boolean looksLikeTitle(String line) {
    if (line.isEmpty() || line.length() > 200 || line.split(" ").length > 25) {
      return false;
    }
    char last = line.charAt(line.length() - 1);
    if (last == '.' && !line.endsWith("...") || last == ',' || last == ';' || last == ':') {
      return false;
    }
    return line.codePoints().anyMatch(Character::isLetter);
  }
}
