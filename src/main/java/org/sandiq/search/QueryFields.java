package org.sandiq.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sandiq.analysis.Detection;
import org.sandiq.analysis.Language;
import org.sandiq.index.Fields;

/**
 * Which fields one query word probes. Every language field a word probes is a term lookup in every
 * segment and a clause in the disjunction that scores each candidate, so probing fields that cannot
 * match is what made a query word cost 14 term queries.
 *
 * <ul>
 *   <li>The neutral fields (folded, cross-script) are always probed: they hold every document.
 *   <li>When the detector is sure of the query's language, the word probes that language's fields,
 *       those of a language it is often confused with ({@link Language#confusableWith}: Azerbaijani
 *       and Turkish), nothing else: a document in another of Sandiq's languages is still found
 *       through the folded field, ranked as a folded match, as is text in any other language, which
 *       has no fields of its own ({@code AnalysisProfile.MULTILINGUAL}).
 *   <li>Otherwise the word probes the languages written in its script ({@link Language#writtenIn}):
 *       a Cyrillic word skips English and Turkish, a Latin word skips Russian. A word without
 *       letters (a number) probes every language.
 * </ul>
 */
final class QueryFields {
  private final Map<String, Float> boosts;
  private final Language sure;
  private final boolean multilingual;
  private final Map<Character.UnicodeScript, String[]> byScript = new HashMap<>();
  private String[] noScript;

  /**
   * @param boosts every searchable field and its weight
   * @param detection the query's language
   * @param multilingual false for a {@code standard} index, whose one title and one text field are
   *     always probed
   */
  QueryFields(Map<String, Float> boosts, Detection detection, boolean multilingual) {
    this.boosts = boosts;
    this.multilingual = multilingual;
    this.sure = FieldWeights.isSure(detection) ? detection.language() : null;
  }

  /** The fields {@code word} probes, sorted by name. */
  String[] forWord(String word) {
    Character.UnicodeScript script = multilingual ? script(word) : null;
    if (script == null) {
      if (noScript == null) {
        noScript = choose(null);
      }
      return noScript;
    }
    return byScript.computeIfAbsent(script, this::choose);
  }

  /**
   * The fields a quoted phrase (or quoted word) probes: those of {@link #forWord} that hold the
   * text's own words, the folded and cross-script ones, not the stemmed language fields. Quotes ask
   * for these words in this order, as most search engines read them (OpenSearch's {@code
   * quote_field_suffix} routes quoted text to an exact sub-field the same way): {@code "process
   * needs"} does not match "processes need". It is also what a phrase costs least: a phrase over
   * every language field was the slowest kind of harness query, in its matching and in its marks.
   * An index without variant fields (the {@code standard} analysis) has only its one title and text
   * field, which are probed.
   */
  String[] exact(String word) {
    String[] fields = forWord(word);
    if (!multilingual) {
      return fields;
    }
    // A page's other text has no positions: no phrase runs on it.
    return Arrays.stream(fields)
        .filter(f -> languageOf(f) == null && !f.equals(Fields.OTHER_FOLDED))
        .toArray(String[]::new);
  }

  /** Every field, sorted by name (what a field-less clause probed before pruning). */
  String[] all() {
    return boosts.keySet().stream().sorted().toArray(String[]::new);
  }

  private String[] choose(Character.UnicodeScript script) {
    if (!multilingual) {
      return all();
    }
    List<String> fields = new ArrayList<>();
    for (String field : boosts.keySet()) {
      Language language = languageOf(field);
      if (language == null || probes(language, script)) {
        fields.add(field);
      }
    }
    fields.sort(null);
    return fields.toArray(String[]::new);
  }

  private boolean probes(Language language, Character.UnicodeScript script) {
    if (sure != null) {
      return language == sure || language.confusableWith(sure);
    }
    return script == null || language.writtenIn(script);
  }

  /** The language of a per-language field, or null for a neutral one. */
  private static Language languageOf(String field) {
    for (Language language : Language.values()) {
      if (field.equals(Fields.title(language)) || field.equals(Fields.text(language))) {
        return language;
      }
    }
    return null;
  }

  /**
   * The script of {@code word}'s letters, or null when it has none or letters of several scripts
   * (then every language is probed).
   */
  static Character.UnicodeScript script(String word) {
    Character.UnicodeScript found = null;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      Character.UnicodeScript s =
          cp < 0x80 ? Character.UnicodeScript.LATIN : Character.UnicodeScript.of(cp);
      if (s == Character.UnicodeScript.COMMON || s == Character.UnicodeScript.INHERITED) {
        continue;
      }
      if (found == null) {
        found = s;
      } else if (found != s) {
        return null;
      }
    }
    return found;
  }
}
