package org.sandiq.search;

import java.util.HashMap;
import java.util.Map;
import org.sandiq.analysis.Detection;
import org.sandiq.analysis.Language;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.Fields;

/**
 * How much a match in each searchable field counts, for one query.
 *
 * <p>Every query searches every language's fields, the folded fields and the cross-script fields: a
 * short query cannot be language-identified reliably, and a word may be written in any of them.
 * Titles weigh {@value #TITLE} times the text. When the detector is sure of the query's language
 * (confidence at least {@value #SURE}), that language's fields weigh {@value #DETECTED} times more,
 * since their stemmer and stop words fit the query; the folded fields always weigh less than a
 * language field, so an exact or stemmed match ranks above a match of a folded spelling only.
 */
final class FieldWeights {
  static final float TITLE = 1f;
  static final float LANGUAGE = 1.0f;
  static final float FOLDED = 0.5f;
  static final float CROSS_SCRIPT = 0.1f;

  /**
   * A page's other visible text (menus, link lists, sidebars): enough for a word seen there to find
   * the page, too little for it to outrank a page whose main text has the word.
   */
  static final float OTHER = 0.2f;

  static final float DETECTED = 3f;
  static final double SURE = 0.8;

  /**
   * The boost of every searchable field of {@code profile} for a query detected as {@code
   * detection}. An index without variant fields (the {@code standard} analysis, the reference
   * benchmark's) weighs its one title {@value #STANDARD_TITLE} times its one text field, as that
   * benchmark does.
   */
  Map<String, Float> forQuery(AnalysisProfile profile, Detection detection) {
    boolean sure = isSure(detection);
    float title = profile.hasVariantFields() ? TITLE : STANDARD_TITLE;
    Map<String, Float> boosts = new HashMap<>();
    for (Language language : profile.languages()) {
      float w = LANGUAGE * (sure && language == detection.language() ? DETECTED : 1f);
      boosts.put(Fields.title(language), title * w);
      boosts.put(Fields.text(language), w);
    }
    if (profile.hasVariantFields()) {
      boosts.put(Fields.TITLE_FOLDED, TITLE * FOLDED);
      boosts.put(Fields.TEXT_FOLDED, FOLDED);
      boosts.put(Fields.TITLE_XSCRIPT, TITLE * CROSS_SCRIPT);
      boosts.put(Fields.TEXT_XSCRIPT, CROSS_SCRIPT);
      boosts.put(Fields.OTHER_FOLDED, OTHER);
    }
    return boosts;
  }

  /** Whether the detector is sure enough of a query's language to weigh (and prune) by it. */
  static boolean isSure(Detection detection) {
    return detection.confidence() >= SURE && detection.language() != Language.UND;
  }

  /** Weight of the title against the text in a {@code standard} index (the reference bench's). */
  static final float STANDARD_TITLE = 2f;

  /** The words of a query without its operators, for language detection. */
  static String words(String query) {
    return query.replaceAll("\\b(AND|OR|NOT)\\b", " ").replaceAll("[\\p{Punct}&&[^'’]]", " ");
  }
}
