package org.sandiq.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jusText stop-word lists for Azerbaijani, English, Russian and Turkish, used for the stop-word
 * density of a block: the share of its words that are function words. Prose has many (0.3 and
 * more), menus, bylines and teaser labels few. Loaded once from the class path; immutable.
 */
final class StopWords {
  private static final List<String> LANGUAGES = List.of("az", "en", "ru", "tr");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");
  private static final Map<String, Set<String>> LISTS = load();

  private final Set<String> words;

  private StopWords(Set<String> words) {
    this.words = words;
  }

  /**
   * The list that fits {@code sample} best: the declared language's when Sandiq has one, else the
   * list covering most of the sample's words, or null when none covers a fifth of them (a language
   * without a list: the density test is then skipped).
   */
  static StopWords forText(String sample, String langHint) {
    if (langHint != null && LISTS.containsKey(langHint)) {
      return new StopWords(LISTS.get(langHint));
    }
    String best = null;
    double bestDensity = 0.2;
    for (String lang : LANGUAGES) {
      double d = density(sample, LISTS.get(lang));
      if (d > bestDensity) {
        bestDensity = d;
        best = lang;
      }
    }
    return best == null ? null : new StopWords(LISTS.get(best));
  }

  /** Share of the words of {@code text} in this list (0 for text without words). */
  double density(String text) {
    return density(text, words);
  }

  private static double density(String text, Set<String> list) {
    Matcher m = WORD.matcher(text);
    int total = 0;
    int stop = 0;
    while (m.find()) {
      total++;
      if (list.contains(m.group().toLowerCase(Locale.ROOT))) {
        stop++;
      }
    }
    return total == 0 ? 0 : (double) stop / total;
  }

  private static Map<String, Set<String>> load() {
    Map<String, Set<String>> lists = new java.util.HashMap<>();
    for (String lang : LANGUAGES) {
      Set<String> words = new HashSet<>();
      String resource = "stoplists/" + lang + ".txt";
      try (InputStream in = StopWords.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + resource);
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          String w = line.strip();
          if (!w.isEmpty() && !w.startsWith("#")) {
            words.add(w.toLowerCase(Locale.ROOT));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      lists.put(lang, Set.copyOf(words));
    }
    return Map.copyOf(lists);
  }
}
