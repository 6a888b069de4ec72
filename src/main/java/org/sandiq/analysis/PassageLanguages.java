package org.sandiq.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The language of each passage (block) of a text: archived pages mix languages (an English article
 * under Azerbaijani headlines), and each passage is best analysed in its own language.
 *
 * <p>A passage keeps its detected language only when the detector is sure: a letter rule decided it
 * (a schwa, Cyrillic letters), or it has at least {@value #MIN_LETTERS} letters and Lingua is at
 * least {@value #MIN_CONFIDENCE} sure. Shorter or less certain passages are {@link Language#UND}:
 * they are searched through the language-neutral fields (and the document's own language) only.
 * Thread-safe.
 */
public final class PassageLanguages {
  static final int MIN_LETTERS = 40;
  static final double MIN_CONFIDENCE = 0.7;

  /**
   * One passage and its language.
   *
   * @param start where the passage starts in the text (its first character that is not a space)
   * @param end where it ends (exclusive)
   */
  public record Passage(String text, int start, int end, Detection detection) {}

  private final LanguageDetector detector;

  public PassageLanguages(LanguageDetector detector) {
    this.detector = detector;
  }

  /** Lingua reads at most this much of a passage: a few sentences settle its language. */
  static final int SAMPLE_CHARS = 500;

  /**
   * The passages of {@code text} (blocks separated by a blank line), each with its language.
   *
   * <p>A passage too short for a sure statistical answer and not settled by a letter rule (a schwa,
   * mostly Cyrillic letters) is not given to Lingua at all: its answer would be dropped anyway.
   * Lingua is confident on short Latin text ("See more" is English with 0.9), which is why its
   * answer needs a length too.
   */
  public List<Passage> detect(String text) {
    List<Passage> passages = new ArrayList<>();
    for (int from = 0; from < text.length(); ) {
      int blockEnd = text.indexOf("\n\n", from);
      if (blockEnd < 0) {
        blockEnd = text.length();
      }
      int start = from;
      int end = blockEnd;
      while (start < end && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      from = blockEnd + 2;
      if (start == end) {
        continue;
      }
      String passage = text.substring(start, end);
      Letters letters = Letters.of(passage);
      Detection d;
      if (letters.count() < LanguageDetector.MIN_LETTERS
          || !letters.decided() && letters.count() < MIN_LETTERS) {
        d = Detection.UNDETERMINED;
      } else {
        d = detector.detect(passage, null, SAMPLE_CHARS);
      }
      boolean sure =
          d.language() != Language.UND && (letters.decided() || d.confidence() >= MIN_CONFIDENCE);
      passages.add(
          new Passage(passage, start, end, sure ? d : new Detection(Language.UND, d.confidence())));
    }
    return passages;
  }

  /**
   * A passage's letter count, and whether a letter rule rather than statistics names its language:
   * a schwa (Azerbaijani) or mostly Cyrillic letters.
   */
  private record Letters(long count, boolean decided) {
    static Letters of(String passage) {
      LanguageDetector.ScriptCounts scripts = LanguageDetector.ScriptCounts.of(passage);
      return new Letters(
          scripts.letters(), scripts.schwa() || scripts.cyrillic() * 2 > scripts.letters());
    }
  }
}
