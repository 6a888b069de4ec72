package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PassageBreaks} against a plain statement of its rule, on random texts of words, whitespace
 * of every kind, long runs without any, and letters beyond the BMP. Fixed seeds, so a failure
 * repeats.
 */
class PassageBreaksTest {
  private static final int RUN = PassageBreaks.LONGEST_RUN;

  /** The rule, stated plainly: after whitespace, or a multiple of the run inside a long run. */
  private static boolean boundary(String text, int i) {
    if (i == 0 || i == text.length()) {
      return true;
    }
    if (PassageBreaks.isSpace(text.charAt(i - 1))) {
      return true;
    }
    boolean multiple = i % RUN == 0 && !Character.isHighSurrogate(text.charAt(i - 1));
    boolean afterPair = i % RUN == 1 && i > 1 && Character.isHighSurrogate(text.charAt(i - 2));
    if (i < RUN || !(multiple || afterPair)) {
      return false;
    }
    for (int j = i - RUN; j < i; j++) {
      if (PassageBreaks.isSpace(text.charAt(j))) {
        return false;
      }
    }
    return true;
  }

  @Test
  void followingAndPrecedingFindTheNearestBoundaryOfTheRule() {
    Random random = new Random(5);
    PassageBreaks breaks = new PassageBreaks();
    for (int round = 0; round < 2_000; round++) {
      String text = randomText(random, random.nextInt(400));
      breaks.setText(text);
      for (int offset = 0; offset <= text.length(); offset++) {
        int after = offset + 1;
        while (after < text.length() && !boundary(text, after)) {
          after++;
        }
        int expectedFollowing = offset >= text.length() ? BreakIterator.DONE : after;
        int before = offset - 1;
        while (before > 0 && !boundary(text, before)) {
          before--;
        }
        int expectedPreceding = offset <= 0 ? BreakIterator.DONE : before;
        int at = offset;
        assertEquals(expectedFollowing, breaks.following(offset), () -> at + " in " + text);
        assertEquals(expectedPreceding, breaks.preceding(offset), () -> at + " in " + text);
        assertEquals(boundary(text, offset), breaks.isBoundary(offset), () -> at + " in " + text);
      }
    }
  }

  @Test
  void noStretchBetweenBoundariesIsLongAndNoWordIsCut() {
    Random random = new Random(9);
    PassageBreaks breaks = new PassageBreaks();
    for (int round = 0; round < 500; round++) {
      String text = randomText(random, random.nextInt(5_000));
      List<Integer> all = walk(breaks, text);
      for (int i = 1; i < all.size(); i++) {
        // Two runs' worth, one more where a multiple falls inside a surrogate pair.
        assertTrue(all.get(i) - all.get(i - 1) <= 2 * RUN, () -> all + " in " + text);
        int cut = all.get(i - 1);
        if (cut > 0 && cut < text.length()) {
          assertTrue(
              !Character.isHighSurrogate(text.charAt(cut - 1))
                  || !Character.isLowSurrogate(text.charAt(cut)),
              () -> "a pair cut at " + cut);
        }
      }
    }
    // Words shorter than a run, one per line: every boundary is a line start.
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      lines.append("azm-s").append(100_000 + i).append('\n');
    }
    String list = lines.toString();
    for (int cut : walk(breaks, list)) {
      assertTrue(cut == 0 || list.charAt(cut - 1) == '\n', () -> "cut at " + cut);
    }
  }

  private static List<Integer> walk(PassageBreaks breaks, String text) {
    breaks.setText(text);
    List<Integer> all = new ArrayList<>(List.of(breaks.first()));
    for (int at = breaks.next(); at != BreakIterator.DONE; at = breaks.next()) {
      all.add(at);
    }
    return all;
  }

  private static String randomText(Random random, int length) {
    String[] pieces = {
      "a",
      "word",
      "Ходжалы",
      " ",
      "\n",
      "\t",
      "\r\n",
      "\u00A0",
      "\u3000",
      "😀",
      "字",
      "漢字文",
      "x".repeat(RUN - 1),
      "y".repeat(RUN),
      "z".repeat(3 * RUN + 5),
      "😀".repeat(RUN),
      ","
    };
    StringBuilder s = new StringBuilder();
    while (s.length() < length) {
      s.append(pieces[random.nextInt(pieces.length)]);
    }
    return s.toString();
  }
}
