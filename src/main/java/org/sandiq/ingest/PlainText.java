package org.sandiq.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text rules shared by every reader: whitespace normalised inside lines, blocks separated by
 * exactly one blank line, short lines that repeat within a document dropped as boilerplate, and a
 * title derived from the text when the document has none.
 */
final class PlainText {
  private static final Pattern HORIZONTAL_SPACE =
      Pattern.compile("[\\t\\x0B\\f\\r\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]+| {2,}");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0E-\\x1F\\x7F]");

  /** Lines of at most this many words that repeat are navigation or teaser labels. */
  static final int BOILERPLATE_MAX_WORDS = 4;

  /** ... when they occur at least this often in one document ("See more" under each teaser). */
  static final int BOILERPLATE_MIN_REPEATS = 3;

  private static final int TITLE_MAX_CHARS = 120;

  private PlainText() {}

  /**
   * Normalises whitespace: within a line, runs of spaces become one space; lines are trimmed; runs
   * of blank lines become one blank line, which separates blocks.
   */
  static String normalize(String text) {
    String[] lines =
        CONTROL
            .matcher(text.replace("\r\n", "\n").replace('\r', '\n'))
            .replaceAll("")
            .split("\n", -1);
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingBreak = false;
    for (String raw : lines) {
      String line = HORIZONTAL_SPACE.matcher(raw).replaceAll(" ").strip();
      if (line.isEmpty()) {
        pendingBreak = out.length() > 0;
        continue;
      }
      if (out.length() > 0) {
        out.append(pendingBreak ? "\n\n" : "\n");
      }
      out.append(line);
      pendingBreak = false;
    }
    return out.toString();
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
