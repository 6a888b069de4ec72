package org.sandiq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainText#normalize}: one space for each run of spaces, controls dropped, lines trimmed,
 * one blank line kept where any were, none at the ends; checked against a plain statement of those
 * rules on random texts (breaks of every kind, the typographic spaces, controls, long runs of
 * letters past the line buffer's first size).
 */
class PlainTextTest {
  private static final String HORIZONTAL =
      " \t\u000B\f\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A"
          + "\u202F\u205F\u3000";

  @Test
  void spacesCollapseControlsGoAndBlankLinesShrinkToOne() {
    assertEquals(
        "a b\n\nc d e\nf", PlainText.normalize("  a  b \r\n\r\n \r\n c\t\u00A0d \u0001e\rf\n\n"));
    String longLine = "x".repeat(10_000) + " y";
    assertEquals(longLine, PlainText.normalize(longLine + "\n"));
  }

  @Test
  void followsTheRulesOnRandomTexts() {
    Random random = new Random(2026);
    char[] pool = {
      'a', 'Z', '7', '.', 'ə', 'Ж', '\u2028', '\u0085', '\u200B', ' ', ' ', '\t', '\u00A0',
      '\u2003', '\u3000', '\n', '\n', '\r', '\u0001', '\u001F', '\u007F', '\f'
    };
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int k = 0, n = random.nextInt(60); k < n; k++) {
        if (random.nextInt(200) == 0) {
          text.append("w".repeat(random.nextInt(9000))); // a run longer than the line buffer
        }
        text.append(pool[random.nextInt(pool.length)]);
      }
      String t = text.toString();
      assertEquals(byTheRules(t), PlainText.normalize(t), () -> "text " + escape(t));
    }
  }

  /** The rules, stated plainly (and slowly). */
  private static String byTheRules(String text) {
    List<String> lines = new ArrayList<>();
    for (String raw : text.split("\r\n|\r|\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (char c : raw.toCharArray()) {
        if (c <= 0x08 || (c >= 0x0E && c <= 0x1F) || c == 0x7F) {
          continue; // a control
        }
        if (HORIZONTAL.indexOf(c) >= 0) {
          if (line.isEmpty() || line.charAt(line.length() - 1) != ' ') {
            line.append(' ');
          }
        } else {
          line.append(c);
        }
      }
      int start = 0;
      int end = line.length();
      while (start < end && Character.isWhitespace(line.charAt(start))) {
        start++;
      }
      while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
        end--;
      }
      lines.add(line.substring(start, end));
    }
    StringBuilder out = new StringBuilder();
    boolean blank = false;
    for (String line : lines) {
      if (line.isEmpty()) {
        blank = !out.isEmpty();
        continue;
      }
      if (!out.isEmpty()) {
        out.append(blank ? "\n\n" : "\n");
      }
      out.append(line);
      blank = false;
    }
    return out.toString();
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
    }
    return b.length() > 300 ? b.substring(0, 300) + "..." : b.toString();
  }
}
