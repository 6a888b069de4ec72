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

  /** One passage and its language. */
  public record Passage(String text, Detection detection) {}

  private final LanguageDetector detector;

  public PassageLanguages(LanguageDetector detector) {
    this.detector = detector;
  }

  /**
   * Whether a letter rule, not statistics, names the passage's language: a schwa (Azerbaijani) or
   * mostly Cyrillic letters. Lingua is confident on short Latin text ("See more" is English with
   * 0.9), which is why its answer needs a length too.
   */
  private static boolean decidedByLetters(String passage) {
    long letters = 0;
    long cyrillic = 0;
    for (int i = 0; i < passage.length(); ) {
      int cp = passage.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == 'ə' || cp == 'Ə') {
        return true;
      }
      if (Character.isLetter(cp)) {
        letters++;
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC) {
          cyrillic++;
        }
      }
    }
    return cyrillic * 2 > letters;
  }

  /** The passages of {@code text} (blocks separated by a blank line), each with its language. */
  public List<Passage> detect(String text) {
    List<Passage> passages = new ArrayList<>();
    for (String block : text.split("\n\n")) {
      String passage = block.strip();
      if (passage.isEmpty()) {
        continue;
      }
      long letters = passage.codePoints().filter(Character::isLetter).count();
      Detection d =
          letters < LanguageDetector.MIN_LETTERS
              ? Detection.UNDETERMINED
              : detector.detect(passage);
      boolean sure =
          d.language() != Language.UND
              && (decidedByLetters(passage)
                  || letters >= MIN_LETTERS && d.confidence() >= MIN_CONFIDENCE);
      passages.add(new Passage(passage, sure ? d : new Detection(Language.UND, d.confidence())));
    }
    return passages;
  }
}
