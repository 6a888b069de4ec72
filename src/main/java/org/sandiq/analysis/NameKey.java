package org.sandiq.analysis;

import com.ibm.icu.text.Normalizer2;

/**
 * A spelling-variant key for names written in Latin letters by different conventions: Azerbaijani
 * ({@code Xocalı}), Turkish ({@code Hocalı}), English ({@code Khojaly}) and the BGN romanisation of
 * Russian ({@code Khodzhaly}, from {@code Ходжалы}) all get the key {@code hocali}.
 *
 * <p>The key folds case and diacritics, then merges the letters conventions disagree on: {@code
 * kh/x/h/ğ/gh} → {@code h}; {@code dzh/dj/zh/j/c} → {@code c}; {@code ch/ç/tsh} → {@code C}; {@code
 * sh/ş/shch} → {@code S}; {@code q/g/k} → {@code k}; {@code ts} → {@code s}; {@code w} → {@code v};
 * vowels to five classes ({@code a/ə/e} → {@code a}, {@code ı/i/y} → {@code i}, {@code o/ö}, {@code
 * u/ü}); and doubled letters to one. It merges unrelated words too (see EVALUATION.md for how
 * many), which is why the field it feeds weighs little.
 */
public final class NameKey {
  private static final Normalizer2 CASE_FOLD = Normalizer2.getNFKCCasefoldInstance();

  /** Letter groups, longest first, and what each becomes. */
  private static final String[][] GROUPS = {
    {"shch", "S"},
    {"dzh", "c"},
    {"tsh", "C"},
    {"kh", "h"},
    {"gh", "h"},
    {"zh", "c"},
    {"sh", "S"},
    {"ch", "C"},
    {"dj", "c"},
    {"ts", "s"},
  };

  private NameKey() {}

  /** The key of one word (any case, Latin letters; other letters are kept as they are). */
  public static String of(String word) {
    String w = CASE_FOLD.normalize(word.replace('I', 'ı').replace('İ', 'i'));
    StringBuilder out = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); ) {
      String group = groupAt(w, i);
      if (group != null) {
        append(out, replacement(group));
        i += group.length();
        continue;
      }
      char c = w.charAt(i++);
      String mapped = single(c);
      if (mapped != null) {
        append(out, mapped);
      }
    }
    return out.toString();
  }

  private static String groupAt(String w, int i) {
    switch (w.charAt(i)) {
      case 's', 'd', 't', 'k', 'g', 'z', 'c' -> {}
      default -> {
        return null; // no group starts with this letter: the common case, checked first
      }
    }
    for (String[] g : GROUPS) {
      if (w.startsWith(g[0], i)) {
        return g[0];
      }
    }
    return null;
  }

  private static String replacement(String group) {
    for (String[] g : GROUPS) {
      if (g[0].equals(group)) {
        return g[1];
      }
    }
    return group;
  }

  /** One letter's class, or null to drop it (marks, apostrophes, soft and hard signs). */
  private static String single(char c) {
    return switch (c) {
      case 'a', 'ə', 'e', 'ä', 'á', 'é', 'è', 'ê' -> "a";
      case 'ı', 'i', 'y', 'í', 'ï', 'î' -> "i";
      case 'o', 'ö', 'ó', 'ô' -> "o";
      case 'u', 'ü', 'ú', 'û' -> "u";
      case 'x', 'h', 'ğ' -> "h";
      case 'c', 'j' -> "c";
      case 'ç', 'č' -> "C";
      case 'ş', 'š', 'ș' -> "S";
      case 'q', 'g', 'k' -> "k";
      case 'w' -> "v";
      case '\'', '’', 'ʼ', 'ʹ', 'ʺ', 'ь', 'ъ', '\u0307', '-' -> null;
      default -> String.valueOf(c);
    };
  }

  /** Appends, merging a doubled letter ({@code Əliyyev}, {@code Hasan/Hassan}) into one. */
  private static void append(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      // Doubled letters are one sound; doubled digits are a different number (44 is not 4).
      if (out.isEmpty() || out.charAt(out.length() - 1) != c || !Character.isLetter(c)) {
        out.append(c);
      }
    }
  }
}
