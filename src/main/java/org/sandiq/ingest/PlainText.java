package org.sandiq.ingest;

import java.util.ArrayList;
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
    StringBuilder out = new StringBuilder(text.length());
    StringBuilder line = new StringBuilder(128);
    boolean pendingBreak = false;
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : '\n';
      if (c == '\r') {
        if (i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        c = '\n';
      }
      if (c == '\n') {
        int start = 0;
        int end = line.length();
        while (start < end && Character.isWhitespace(line.charAt(start))) {
          start++;
        }
        while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
          end--;
        }
        if (start == end) {
          pendingBreak = out.length() > 0;
        } else {
          if (out.length() > 0) {
            out.append(pendingBreak ? "\n\n" : "\n");
          }
          out.append(line, start, end);
          pendingBreak = false;
        }
        line.setLength(0);
      } else if (isHorizontalSpace(c)) {
        if (line.isEmpty() || line.charAt(line.length() - 1) != ' ') {
          line.append(' ');
        }
      } else if (!isControl(c)) {
        line.append(c);
      }
    }
    return out.toString();
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
    String[] lines = normalized.split("\n", -1);
    Map<String, Integer> counts = new HashMap<>();
    for (String line : lines) {
      if (isShort(line)) {
        counts.merge(line, 1, Integer::sum);
      }
    }
    if (counts.values().stream().noneMatch(c -> c >= BOILERPLATE_MIN_REPEATS)) {
      return normalized;
    }
    List<String> kept = new ArrayList<>(lines.length);
    for (String line : lines) {
      if (!(isShort(line) && counts.getOrDefault(line, 0) >= BOILERPLATE_MIN_REPEATS)) {
        kept.add(line);
      }
    }
    return normalize(String.join("\n", kept));
  }

  private static boolean isShort(String line) {
    return !line.isEmpty() && line.split(" ").length <= BOILERPLATE_MAX_WORDS;
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
    if (first.length() <= TITLE_MAX_CHARS) {
      return first;
    }
    int cut = first.lastIndexOf(' ', TITLE_MAX_CHARS);
    return first.substring(0, cut > TITLE_MAX_CHARS / 2 ? cut : TITLE_MAX_CHARS).strip() + "…";
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
