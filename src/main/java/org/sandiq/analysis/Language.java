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
