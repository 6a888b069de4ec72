package org.sandiq.analysis;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a text has the function words every English text is full of. Lingua names a text by the
 * languages it has models for, and Sandiq ships only its four languages' models: German, French or
 * Portuguese text (with letters like {@code ä é ã} that keep it from the plain-English letter rule)
 * comes back as English with full confidence, and was indexed and shown as English. Running English
 * has one of these words in every three to ten; a text of {@value #MIN_WORDS} words or more with
 * fewer than one in {@value #RARE_ONE_IN} is not English. The words are those no other common
 * Latin-script language uses as a frequent word of its own ({@code in}, {@code a}, {@code was},
 * {@code also}, {@code die} and the like are left out).
 *
 * <p>Measured on the 60,000-document harness sample: of the passages Lingua with Sandiq's four
 * models called English and Lingua with seventeen European models did not, 94 % have fewer than one
 * such word in forty; of those both called English, 2.7 % do (lists and menus, which then count as
 * undetermined and are still found through the language-neutral fields). {@link LanguageDetector}
 * asks before Lingua when a text has none of the letters only Turkish and Azerbaijani use, which
 * also keeps Czech from being called Turkish, and after Lingua otherwise.
 */
final class EnglishFunctionWords {
  private EnglishFunctionWords() {}

  /** Texts with fewer words than this are too short to tell by their function words. */
  static final int MIN_WORDS = 20;

  /** Fewer than one function word in this many words: not English. */
  static final int RARE_ONE_IN = 40;

  private static final Set<String> WORDS =
      Set.of(
          "the", "and", "that", "it", "with", "are", "this", "from", "which", "not", "you", "if",
          "can", "have", "its", "but", "their", "they", "there", "when", "more", "one", "other",
          "were", "been", "into", "than", "only", "these", "such", "how", "any", "what", "each",
          "does", "may", "used", "would", "should", "could", "about", "between", "our", "he", "she",
          "his", "them", "then", "some", "many", "well", "must", "where", "who", "those", "after",
          "before", "both", "same", "through", "because", "while");

  /** Whether {@code text} is long enough and has too few English function words to be English. */
  static boolean tooFewIn(String text) {
    int words = 0;
    int function = 0;
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        words++;
        if (i - start <= 7 && WORDS.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
          function++;
        }
        start = -1;
      }
    }
    return words >= MIN_WORDS && (long) function * RARE_ONE_IN < words;
  }
}
