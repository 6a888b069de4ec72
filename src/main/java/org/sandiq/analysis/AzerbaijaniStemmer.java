package org.sandiq.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * A light suffix-stripping stemmer for Azerbaijani (Latin script, lower-cased with Turkic rules).
 *
 * <p>Azerbaijani is agglutinative: a noun takes plural, possessive, case and predicate suffixes in
 * that order ({@code torpaq-lar-ımız-ı}), a verb tense, mood and person ones ({@code
 * gör-müş-dü-k}). The stemmer removes suffixes from the end, longest match first, one at a time, as
 * long as
 *
 * <ul>
 *   <li>the suffix harmonises with the last vowel left: two-way suffixes ({@code lar/lər}, {@code
 *       da/də}) take {@code a} after a back vowel ({@code a ı o u}) and {@code ə} after a front one
 *       ({@code ə e i ö ü}); four-way ones ({@code ın/in/un/ün}) follow rounding as well. This
 *       keeps loan words ({@code pandemiya}) and stems that merely end like a suffix whole;
 *   <li>buffer letters are right: {@code n}-, {@code s}- and {@code y}-initial forms ({@code
 *       ailə-nin}, {@code ailə-si}, {@code ailə-yə}) only after a vowel, vowel-initial ones ({@code
 *       kitab-ın}) only after a consonant;
 *   <li>at least {@value #MIN_STEM} letters and one vowel remain.
 * </ul>
 *
 * After a vowel-initial suffix the consonant alternations of polysyllabic stems are undone: {@code
 * ğ} back to {@code q} ({@code torpağı} → {@code torpaq}) and, after a front vowel, {@code y} back
 * to {@code k} ({@code üstünlüyü} → {@code üstünlük}). Words in the exception list are mapped to
 * their stem as listed (irregular stems such as {@code ged-} of {@code getmək}) and are otherwise
 * left alone. Derivational suffixes ({@code -lıq}, {@code -çı}, {@code -lı}, {@code -sız}) and the
 * ambiguous short ones ({@code -ar}, {@code -an}, {@code -ma}, {@code -sa}) are kept: stripping
 * them merges too many unrelated words.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AzerbaijaniStemmer {
  /** Fewest letters a stem keeps. */
  public static final int MIN_STEM = 3;

  /** Most suffixes removed from one word. */
  static final int MAX_STEPS = 8;

  /**
   * Suffix templates. {@code A} is the two-way vowel (a/ə), {@code I} the four-way one (ı/i/u/ü). A
   * template starting with a vowel attaches to consonants; one starting with the buffer letters
   * {@code n}, {@code s} or {@code y} marked by a leading {@code +} attaches to vowels.
   */
  private static final String[] TEMPLATES = {
    // plural; plural predicate
    "lAr",
    "dIrlAr",
    // possessive
    "Im",
    "In",
    "I",
    "+sI",
    "ImIz",
    "InIz",
    "+mIz",
    "+nIz",
    "lArI",
    // case: genitive, accusative, dative, locative, ablative, instrumental, relative
    "+nIn",
    "+nI",
    "+yI",
    "A",
    "+yA",
    "*nA",
    "dA",
    "*ndA",
    "dAn",
    "*ndAn",
    "lA",
    "+ylA",
    "dAkI",
    "*ndAkI",
    // predicate (copula) and person
    "dIr",
    "Am",
    "+yAm",
    "sAn",
    "+ysAn",
    "Iq",
    "+yIq",
    "sInIz",
    "+ysInIz",
    "dI",
    "+ydI",
    "mIş",
    "+ymIş",
    // verbs: infinitive, present, past, perfect, converb, future, necessity
    "mAq",
    "Ir",
    "+yIr",
    "dIm",
    "dIn",
    "dIq",
    "dInIz",
    "dIlAr",
    "Ib",
    "+yIb",
    "AcAq",
    "+yAcAq",
    "mAlI",
    "mIşdIr",
    "IbdIr",
    // conditional
    "sA"
  };

  private static final String BACK = "aıou";
  private static final String FRONT = "əeiöü";

  /** Where a suffix may attach. */
  private enum Attach {
    /** After a consonant (a vowel-initial suffix). */
    CONSONANT,
    /** After a vowel (a suffix with a buffer letter). */
    VOWEL,
    /** After the possessive vowel ı/i/u/ü ({@code ailə-si-nə}, {@code ev-i-ndə}). */
    POSSESSIVE,
    /** Anywhere (a consonant-initial suffix). */
    ANY
  }

  /** One expanded suffix. */
  private record Suffix(String text, Attach attach) {}

  private final List<Suffix> suffixes;
  private final CharArrayMap<String> exceptions;

  /**
   * @param exceptions word → stem for words the rules get wrong (a word mapped to itself is never
   *     stemmed), and irregular stem → its regular form ({@code ged} → {@code get}), applied to
   *     what the rules leave
   */
  public AzerbaijaniStemmer(Map<String, String> exceptions) {
    CharArrayMap<String> map = new CharArrayMap<>(exceptions.size(), false);
    exceptions.forEach(map::put);
    this.exceptions = CharArrayMap.unmodifiableMap(map);
    this.suffixes = expand();
  }

  private static List<Suffix> expand() {
    List<Suffix> out = new ArrayList<>();
    for (String template : TEMPLATES) {
      Attach attach =
          template.startsWith("+")
              ? Attach.VOWEL
              : template.startsWith("*")
                  ? Attach.POSSESSIVE
                  : isVowel(template.charAt(0))
                          || template.charAt(0) == 'A'
                          || template.charAt(0) == 'I'
                      ? Attach.CONSONANT
                      : Attach.ANY;
      String t =
          attach == Attach.VOWEL || attach == Attach.POSSESSIVE ? template.substring(1) : template;
      List<String> forms = List.of("");
      for (char c : t.toCharArray()) {
        String options = c == 'A' ? "aə" : c == 'I' ? "ıiuü" : String.valueOf(c);
        List<String> next = new ArrayList<>();
        for (String f : forms) {
          for (char o : options.toCharArray()) {
            next.add(f + o);
          }
        }
        forms = next;
      }
      for (String f : forms) {
        if (harmonious(f)) {
          // q is written k after front vowels (-maq/-mək, -acaq/-əcək).
          if (f.endsWith("q") && FRONT.indexOf(lastVowel(f.toCharArray(), f.length())) >= 0) {
            f = f.substring(0, f.length() - 1) + "k";
          }
          out.add(new Suffix(f, attach));
        }
      }
    }
    out.sort(Comparator.comparingInt((Suffix s) -> s.text().length()).reversed());
    return List.copyOf(out);
  }

  /** Whether the vowels inside a suffix agree with each other (lər-i, not lər-ı). */
  private static boolean harmonious(String suffix) {
    char previous = 0;
    for (char c : suffix.toCharArray()) {
      if (isVowel(c)) {
        if (previous != 0 && !follows(previous, c)) {
          return false;
        }
        previous = c;
      }
    }
    return true;
  }

  /**
   * Stems {@code buffer[0..length)} in place.
   *
   * @return the new length
   */
  public int stem(char[] buffer, int length) {
    String exception = exceptions.get(buffer, 0, length);
    if (exception != null) {
      return replace(buffer, length, exception);
    }
    int len = length;
    for (int step = 0; step < MAX_STEPS; step++) {
      int next = stripOne(buffer, len);
      if (next == len) {
        next = canonicalEnding(buffer, len);
      }
      if (next == len) {
        break;
      }
      len = next;
    }
    // An irregular stem (ged- of getmək) is listed too, so that every form reaches one stem.
    String stem = len < length ? exceptions.get(buffer, 0, len) : null;
    return stem == null ? len : replace(buffer, len, stem);
  }

  private static int replace(char[] buffer, int length, String stem) {
    if (stem.length() > buffer.length) {
      return length;
    }
    stem.getChars(0, stem.length(), buffer, 0);
    return stem.length();
  }

  private int stripOne(char[] b, int len) {
    for (Suffix suffix : suffixes) {
      String s = suffix.text();
      int stemLen = len - s.length();
      if (stemLen < MIN_STEM || !endsWith(b, len, s)) {
        continue;
      }
      char last = b[stemLen - 1];
      boolean fits =
          switch (suffix.attach()) {
            case CONSONANT -> !isVowel(last);
            case VOWEL -> isVowel(last);
            case POSSESSIVE -> "ıiuü".indexOf(last) >= 0;
            case ANY -> true;
          };
      if (!fits) {
        continue;
      }
      char stemVowel = lastVowel(b, stemLen);
      if (stemVowel == 0 || !follows(stemVowel, firstVowel(s))) {
        continue;
      }
      if (isVowel(s.charAt(0))) {
        undoAlternation(b, stemLen);
      }
      return stemLen;
    }
    return len;
  }

  /**
   * Drops a final letter that a buffer letter makes ambiguous, so that every form reaches the same
   * stem: {@code insan-ın} and {@code ailə-nin} cannot be told apart by rule (is the {@code n} the
   * stem's or the suffix's?), nor {@code ürəy-i} and {@code ailə-yi}; so a final {@code n} after a
   * vowel, and a final {@code k} after a front vowel in a word of more than one syllable, are
   * dropped from every stem ({@code insan}, {@code insanın}, {@code insana} → {@code insa}).
   */
  private static int canonicalEnding(char[] b, int len) {
    if (len - 1 < MIN_STEM || !isVowel(b[len - 2])) {
      return len;
    }
    char last = b[len - 1];
    if (last == 'n') {
      return len - 1;
    }
    if (last == 'k' && FRONT.indexOf(b[len - 2]) >= 0 && vowels(b, len) >= 2) {
      return len - 1;
    }
    return len;
  }

  /** q → ğ and k → y happen between vowels in words of more than one syllable. */
  private static void undoAlternation(char[] b, int len) {
    char last = b[len - 1];
    if (vowels(b, len) < 2) {
      return;
    }
    if (last == 'ğ') {
      b[len - 1] = 'q';
    } else if (last == 'y' && len >= 2 && FRONT.indexOf(b[len - 2]) >= 0) {
      b[len - 1] = 'k';
    }
  }

  /** Whether a suffix vowel {@code v} may follow the stem vowel {@code stem}. */
  private static boolean follows(char stem, char v) {
    return switch (v) {
      case 'a' -> BACK.indexOf(stem) >= 0;
      case 'ə' -> FRONT.indexOf(stem) >= 0;
      case 'ı' -> stem == 'a' || stem == 'ı';
      case 'i' -> stem == 'ə' || stem == 'e' || stem == 'i';
      case 'u' -> stem == 'o' || stem == 'u';
      case 'ü' -> stem == 'ö' || stem == 'ü';
      default -> true;
    };
  }

  private static boolean isVowel(char c) {
    return BACK.indexOf(c) >= 0 || FRONT.indexOf(c) >= 0;
  }

  private static char lastVowel(char[] b, int len) {
    for (int i = len - 1; i >= 0; i--) {
      if (isVowel(b[i])) {
        return b[i];
      }
    }
    return 0;
  }

  private static char firstVowel(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isVowel(s.charAt(i))) {
        return s.charAt(i);
      }
    }
    return 0;
  }

  private static int vowels(char[] b, int len) {
    int n = 0;
    for (int i = 0; i < len; i++) {
      if (isVowel(b[i])) {
        n++;
      }
    }
    return n;
  }

  private static boolean endsWith(char[] b, int len, String s) {
    int start = len - s.length();
    for (int i = 0; i < s.length(); i++) {
      if (b[start + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
