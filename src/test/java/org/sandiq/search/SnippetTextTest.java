package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The hand-written parts of snippet making against what they replaced: the passage scorer against
 * Lucene's, and whitespace flattening and the opening cut against the regular expression and the
 * whole-text flattening they stand in for. Random inputs, fixed seeds, so a failure repeats.
 */
class SnippetTextTest {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** What {@link SnippetText#flatten} replaced. */
  private static String flattenedByRegex(String s) {
    return WHITESPACE.matcher(s).replaceAll(" ").strip();
  }

  /** What {@link SnippetText#opening} was: the whole text flattened, then cut. */
  private static String openingOfWholeText(String text) {
    String flat = flattenedByRegex(text);
    int limit = 2 * Snippets.PASSAGE_CHARS;
    if (flat.length() > limit) {
      int cut = flat.lastIndexOf(' ', limit);
      flat = flat.substring(0, cut > Snippets.PASSAGE_CHARS ? cut : limit) + " …";
    }
    return SnippetText.escape(flat);
  }

  @Test
  void passageScoresAreLucenesBitForBit() {
    PassageScorer lucene = new PassageScorer();
    PassageScorer small = new SmallPassageScorer();
    Random random = new Random(12);
    BytesRef[] vocabulary = new BytesRef[8];
    for (int i = 0; i < vocabulary.length; i++) {
      vocabulary[i] = new BytesRef("term" + i);
    }
    for (int round = 0; round < 5_000; round++) {
      Passage passage = new Passage();
      int start = random.nextInt(100_000);
      passage.setStartOffset(start);
      // Up to twice the scorer's own limit, so both of its paths are compared.
      int matches = random.nextInt(2 * SmallPassageScorer.MAX_MATCHES) + 1;
      int[] starts = new int[matches];
      int offset = start;
      for (int m = 0; m < matches; m++) {
        offset += random.nextInt(20);
        starts[m] = offset;
      }
      // The passage's end first: a match must lie inside it.
      passage.setEndOffset(offset + 5 + random.nextInt(200));
      for (int m = 0; m < matches; m++) {
        // Equal terms as distinct BytesRef objects, as the highlighter's enums give them.
        BytesRef term = BytesRef.deepCopyOf(vocabulary[random.nextInt(vocabulary.length)]);
        passage.addMatch(starts[m], starts[m] + 5, term, 1 + random.nextInt(300));
      }
      int contentLength = passage.getEndOffset() + random.nextInt(50_000);
      assertEquals(
          Float.floatToIntBits(lucene.score(passage, contentLength)),
          Float.floatToIntBits(small.score(passage, contentLength)),
          () -> "passage " + passage);
    }
  }

  @Test
  void flatteningIsTheRegularExpressions() {
    Random random = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      String s = randomText(random, random.nextInt(60));
      assertEquals(flattenedByRegex(s), SnippetText.flatten(s), () -> "for " + visible(s));
    }
  }

  @Test
  void theOpeningIsCutFromAPrefixAsFromTheWholeText() {
    Random random = new Random(11);
    for (int round = 0; round < 3_000; round++) {
      String text = randomText(random, random.nextInt(3_000));
      assertEquals(
          openingOfWholeText(text), SnippetText.opening(text), () -> "for " + visible(text));
    }
    // A long whitespace run where the first prefix ends, and a text of nothing but whitespace.
    String padded = "word ".repeat(100) + " \n\t".repeat(2_000) + "tail";
    assertEquals(openingOfWholeText(padded), SnippetText.opening(padded));
    String blank = " \u2003\n".repeat(5_000);
    assertEquals(openingOfWholeText(blank), SnippetText.opening(blank));
  }

  /**
   * Words, every kind of whitespace the regular expression matches, whitespace it does not match
   * but {@code strip} removes (em space, the information separators), a no-break space (neither)
   * and letters beyond the BMP.
   */
  private static String randomText(Random random, int length) {
    String[] pieces = {
      "a", "word", "Ходжалы", " ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u2003", "\u001C",
      "\u00A0", "😀", "<b>", "&"
    };
    StringBuilder s = new StringBuilder();
    while (s.length() < length) {
      s.append(pieces[random.nextInt(pieces.length)]);
    }
    return s.toString();
  }

  private static String visible(String s) {
    return s.length() > 200
        ? s.substring(0, 200).replace("\n", "\\n") + "…"
        : s.replace("\n", "\\n");
  }
}
