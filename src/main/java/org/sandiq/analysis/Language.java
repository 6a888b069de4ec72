package org.sandiq.analysis;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages Sandiq analyses with their own rules, and {@link #UND} for everything else (any
 * other language, or text too short or mixed to tell), which gets a language-agnostic analyzer.
 */
public enum Language {
  AZ("az", "Azerbaijani"),
  EN("en", "English"),
  RU("ru", "Russian"),
  TR("tr", "Turkish"),
  /** Undetermined: another language, or not enough text to tell. */
  UND("und", "other");

  private final String code;
  private final String displayName;

  Language(String code, String displayName) {
    this.code = code;
    this.displayName = displayName;
  }

  /** ISO 639 code ({@code und} for undetermined): what the API and the index use. */
  public String code() {
    return code;
  }

  public String displayName() {
    return displayName;
  }

  /**
   * Whether text in this language may be written in {@code script}: Azerbaijani in Latin and in the
   * Cyrillic of older texts, Russian in Cyrillic, English and Turkish in Latin; {@link #UND} in
   * any. A query word in one script need not probe the analyses of languages never written in it.
   */
  public boolean writtenIn(Character.UnicodeScript script) {
    return switch (this) {
      case AZ ->
          script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.CYRILLIC;
      case EN, TR -> script == Character.UnicodeScript.LATIN;
      case RU -> script == Character.UnicodeScript.CYRILLIC;
      case UND -> true;
    };
  }

  /**
   * Whether a text in this language is often detected as {@code other}, or the other way round:
   * Azerbaijani and Turkish share most of their alphabet and many words, and a short text of one
   * passes for the other. A query sure of one of them still probes the other's analysis.
   */
  public boolean confusableWith(Language other) {
    return (this == AZ && other == TR) || (this == TR && other == AZ);
  }

  /** The language with {@code code} (case-insensitive), or empty if Sandiq has no such language. */
  public static Optional<Language> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.strip().toLowerCase(Locale.ROOT);
    for (Language language : values()) {
      if (language.code.equals(c)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }
}
