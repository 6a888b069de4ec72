package org.sandiq.analysis;

import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Names the language of a text: letter rules first, where a single letter settles it, then Lingua
 * restricted to Sandiq's four languages.
 *
 * <p>Rules: Latin text with {@code ə} is Azerbaijani (no other language uses that letter); Cyrillic
 * text with {@code ә ҹ ј} is Azerbaijani in its older Cyrillic spelling; other Cyrillic text is
 * Russian; text mostly in another script (Arabic, CJK, Greek …) is {@link Language#UND}. Latin text
 * of at least {@value #ENGLISH_MIN_LETTERS} letters with almost no letters outside ASCII (at most
 * one in {@value #ENGLISH_MAX_ACCENTED_SHARE_INVERSE}) is English: Turkish and Azerbaijani write
 * {@code ç ğ ı ö ş ü} every few words, and of the four languages only English does without them.
 * That rule alone spares Lingua most of an English archive, which is where reindexing spent a third
 * of its time. Likewise Latin text of at least {@value #TURKISH_MIN_LETTERS} letters without {@code
 * ə}, {@code q} or {@code x}, with {@code ı İ ğ Ğ}, at least one letter in {@value
 * #TURKISH_LETTER_SHARE_INVERSE} among {@code ı İ ğ Ğ ş Ş} (Turkish text writes about one in
 * fourteen, and none of the harness's 2,606 Turkish texts of that length that reached Lingua fewer
 * than one in sixty-five; a German table of ISO 8859-3 one in three hundred) and almost none of
 * English's function words is Turkish, unless the page declares another language: Azerbaijani
 * writes {@code ə} every dozen letters and {@code q} or {@code x} in nearly every sentence (typed
 * on a Turkish keyboard it loses the first, not the others), and no other language Lingua could be
 * asked about writes {@code ı} or {@code ğ} at all. Other Latin text goes to Lingua, with the
 * page's declared language ({@code <html lang>}) as a strong hint, and a declared language Sandiq
 * has no rules for makes the text {@link Language#UND}. Lingua has only our four languages' models,
 * and calls German or Portuguese text English and Czech text Turkish, with full confidence: so a
 * long text with almost none of English's function words ({@link EnglishFunctionWords}) and none of
 * the letters only Turkish and Azerbaijani use ({@code ğ ı İ ş}; {@code ç ö ü} are German, French …
 * too) is {@link Language#UND} without asking Lingua, and Lingua's "English" for such a text with
 * those letters is {@link Language#UND} as well.
 *
 * <p>Lingua's models are loaded once (about a second of one CPU) and shared by all instances;
 * detection is thread-safe. {@link #loadModelsInBackground} starts the loading ahead of the first
 * use.
 */
public final class LanguageDetector {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(LanguageDetector.class);

  /** Lingua sees at most this many characters: enough for a sure answer, and bounded in time. */
  static final int MAX_CHARS = 1500;

  /** Latin text with at least this many letters can be named English by its letters alone. */
  static final int ENGLISH_MIN_LETTERS = 40;

  /** ... when at most one letter in this many is outside ASCII (names, loanwords). */
  static final int ENGLISH_MAX_ACCENTED_SHARE_INVERSE = 200;

  /** Latin text with at least this many letters can be named Turkish by its letters alone. */
  static final int TURKISH_MIN_LETTERS = 200;

  /** ... when at least one letter in this many is one of {@code ı İ ğ Ğ ş Ş}. */
  static final int TURKISH_LETTER_SHARE_INVERSE = 100;

  /** Below this many letters a text is too short to tell. */
  static final int MIN_LETTERS = 3;

  /** Lingua's answer is taken only when it is at least this sure. */
  static final double MIN_CONFIDENCE = 0.5;

  /** A declared language in Sandiq's set wins when Lingua gives it at least this much. */
  static final double HINT_CONFIDENCE = 0.1;

  private static final class Lingua {
    static final com.github.pemistahl.lingua.api.LanguageDetector DETECTOR =
        LanguageDetectorBuilder.fromLanguages(
                com.github.pemistahl.lingua.api.Language.AZERBAIJANI,
                com.github.pemistahl.lingua.api.Language.ENGLISH,
                com.github.pemistahl.lingua.api.Language.RUSSIAN,
                com.github.pemistahl.lingua.api.Language.TURKISH)
            .withPreloadedLanguageModels()
            .build();
  }

  /**
   * Starts loading Lingua's models on a thread of their own, unless they are loaded. Whatever needs
   * them first then waits for the rest of the loading only, not for all of it: a reindex reads its
   * first files meanwhile, and a server's first query in a language the letters do not settle is
   * not the one that waits a second (a server calls this once it listens: loading while it opened
   * its index slowed its start by about a second). Any number of calls load the models once (the
   * JVM initialises their holder once; a caller that needs them meanwhile waits for it).
   */
  public static void loadModelsInBackground() {
    Thread.ofPlatform()
        .daemon()
        .name("sandiq-lingua-models")
        .start(
            () -> {
              try {
                Objects.requireNonNull(Lingua.DETECTOR);
              } catch (Throwable e) { // NOPMD: reported again to the first caller that needs it
                LOG.warn("loading the language models failed: {}", e.toString());
              }
            });
  }

  /** Detects the language of {@code text} with no declared language. */
  public Detection detect(String text) {
    return detect(text, null);
  }

  /**
   * Detects the language of {@code text}.
   *
   * @param declared the language code the document declares (lower-case), or null
   */
  public Detection detect(String text, String declared) {
    return detect(text, declared, MAX_CHARS);
  }

  /**
   * Detects the language of {@code text}, reading at most its first {@code maxChars} characters.
   *
   * @param declared the language code the document declares (lower-case), or null
   */
  public Detection detect(String text, String declared, int maxChars) {
    String sample = text.length() > maxChars ? text.substring(0, maxChars) : text;
    ScriptCounts scripts = ScriptCounts.of(sample);
    if (scripts.letters() < MIN_LETTERS) {
      return Detection.UNDETERMINED;
    }
    if (scripts.cyrillic() * 2 > scripts.letters()) {
      return new Detection(scripts.cyrillicAzerbaijani() ? Language.AZ : Language.RU, 0.9);
    }
    if (scripts.latin() * 2 <= scripts.letters()) {
      return new Detection(Language.UND, 0.9);
    }
    if (scripts.schwa()) {
      return new Detection(Language.AZ, 0.95);
    }
    Language declaredLanguage = Language.fromCode(declared).orElse(null);
    if (declared != null && declaredLanguage == null) {
      return new Detection(Language.UND, 0.8);
    }
    if ((declaredLanguage == null || declaredLanguage == Language.EN) && scripts.plainEnglish()) {
      return new Detection(Language.EN, 0.9);
    }
    boolean notEnglishByWords = EnglishFunctionWords.tooFewIn(sample);
    if ((declaredLanguage == null
            || declaredLanguage == Language.UND
            || declaredLanguage == Language.TR)
        && scripts.plainTurkish()
        && notEnglishByWords
        && !hasQOrX(sample)) {
      return new Detection(Language.TR, 0.9);
    }
    if ((declaredLanguage == null || declaredLanguage == Language.UND)
        && !scripts.turkic()
        && notEnglishByWords) {
      // Not English by its words, not Turkish or Azerbaijani by its letters: Czech, German,
      // Portuguese … which Lingua, knowing only our four, would call English or Turkish.
      return new Detection(Language.UND, 0.8);
    }
    SortedMap<com.github.pemistahl.lingua.api.Language, Double> values =
        Lingua.DETECTOR.computeLanguageConfidenceValues(sample);
    if (declaredLanguage != null) {
      Double forDeclared = values.get(toLingua(declaredLanguage));
      if (forDeclared != null && forDeclared >= HINT_CONFIDENCE) {
        return new Detection(declaredLanguage, Math.max(forDeclared, 0.8));
      }
    }
    Map.Entry<com.github.pemistahl.lingua.api.Language, Double> best = null;
    for (var entry : values.entrySet()) {
      if (best == null || entry.getValue() > best.getValue()) {
        best = entry;
      }
    }
    if (best == null || best.getValue() < MIN_CONFIDENCE) {
      return new Detection(Language.UND, best == null ? 0 : best.getValue());
    }
    if (best.getKey() == com.github.pemistahl.lingua.api.Language.ENGLISH && notEnglishByWords) {
      // Lingua knows only our four languages: this is another one written in Latin letters.
      return new Detection(Language.UND, best.getValue());
    }
    return new Detection(fromLingua(best.getKey()), best.getValue());
  }

  /**
   * Whether {@code text} has {@code q} or {@code x}, letters of Azerbaijani's alphabet that
   * Turkish's lacks: Azerbaijani typed on a Turkish keyboard spells {@code ə} as {@code e} but
   * keeps them ({@code çox}, {@code Qarabağ}), and Lingua tells it from Turkish where the letter
   * rule could not (all 123 Azerbaijani news texts of the ntrex set, so retyped).
   */
  private static boolean hasQOrX(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = (char) (text.charAt(i) | 0x20);
      if (c == 'q' || c == 'x') {
        return true;
      }
    }
    return false;
  }

  private static com.github.pemistahl.lingua.api.Language toLingua(Language language) {
    return switch (language) {
      case AZ -> com.github.pemistahl.lingua.api.Language.AZERBAIJANI;
      case EN -> com.github.pemistahl.lingua.api.Language.ENGLISH;
      case RU -> com.github.pemistahl.lingua.api.Language.RUSSIAN;
      case TR -> com.github.pemistahl.lingua.api.Language.TURKISH;
      case UND -> com.github.pemistahl.lingua.api.Language.UNKNOWN;
    };
  }

  private static Language fromLingua(com.github.pemistahl.lingua.api.Language language) {
    return switch (language) {
      case AZERBAIJANI -> Language.AZ;
      case ENGLISH -> Language.EN;
      case RUSSIAN -> Language.RU;
      case TURKISH -> Language.TR;
      default -> Language.UND;
    };
  }

  /**
   * Letter counts by script, the letters that settle a language on their own, and how many letters
   * only Turkish and Azerbaijani use occur (also read by {@link PassageLanguages}).
   *
   * @param turkicLetters how many of {@code ğ Ğ ı İ ş Ş}
   * @param dotlessOrSoftG whether {@code ı İ ğ Ğ} occur: {@code ş} alone is also Romanian
   */
  record ScriptCounts(
      int letters,
      int latin,
      int nonAsciiLatin,
      int cyrillic,
      boolean schwa,
      int turkicLetters,
      boolean dotlessOrSoftG,
      boolean cyrillicAzerbaijani) {
    /** Whether a letter only Turkish and Azerbaijani use occurs. */
    boolean turkic() {
      return turkicLetters > 0;
    }

    /**
     * Mostly Latin, long enough, no schwa, and the letters only Turkish (and Azerbaijani) use
     * frequent: Turkish, by the rule in the class comment (with its function-word check).
     */
    boolean plainTurkish() {
      return latin >= TURKISH_MIN_LETTERS
          && latin * 2 > letters
          && !schwa
          && dotlessOrSoftG
          && (long) turkicLetters * TURKISH_LETTER_SHARE_INVERSE >= latin;
    }

    /** Mostly plain ASCII Latin, long enough: English, by the rule in the class comment. */
    boolean plainEnglish() {
      return latin >= ENGLISH_MIN_LETTERS
          && latin * 2 > letters
          && (long) nonAsciiLatin * ENGLISH_MAX_ACCENTED_SHARE_INVERSE <= latin;
    }

    static ScriptCounts of(String text) {
      int letters = 0;
      int latin = 0;
      int nonAsciiLatin = 0;
      int cyrillic = 0;
      boolean schwa = false;
      int turkic = 0;
      boolean dotlessOrSoftG = false;
      boolean cyrillicAz = false;
      // Every passage of every document is counted here, most of it ASCII: its letters are
      // counted without a branch (1.7 times the speed of a test per letter on the harness texts),
      // and the Latin and Cyrillic blocks of our four languages are told by range, sparing the
      // script table's search per letter.
      int asciiLetters = 0;
      int n = text.length();
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        if (c < 0x80) {
          asciiLetters += (((c | 0x20) - 'a') & 0xFFFF) < 26 ? 1 : 0;
          continue;
        }
        int cp = c;
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          cp = Character.toCodePoint(c, text.charAt(++i));
        }
        if (!Character.isLetter(cp)) {
          continue;
        }
        letters++;
        Character.UnicodeScript script =
            cp >= 0x00C0 && cp <= 0x024F
                ? Character.UnicodeScript.LATIN
                : cp >= 0x0400 && cp <= 0x052F
                    ? Character.UnicodeScript.CYRILLIC
                    : Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.LATIN) {
          latin++;
          nonAsciiLatin++;
          schwa |= cp == 'ə' || cp == 'Ə';
          boolean dotlessOrBreve = cp == 'ğ' || cp == 'Ğ' || cp == 'ı' || cp == 'İ';
          dotlessOrSoftG |= dotlessOrBreve;
          turkic += dotlessOrBreve || cp == 'ş' || cp == 'Ş' ? 1 : 0;
        } else if (script == Character.UnicodeScript.CYRILLIC) {
          cyrillic++;
          cyrillicAz |= cp == 'ә' || cp == 'Ә' || cp == 'ҹ' || cp == 'Ҹ' || cp == 'ј' || cp == 'Ј';
        }
      }
      letters += asciiLetters;
      latin += asciiLetters;
      return new ScriptCounts(
          letters, latin, nonAsciiLatin, cyrillic, schwa, turkic, dotlessOrSoftG, cyrillicAz);
    }
  }
}
