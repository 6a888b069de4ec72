package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sandiq.analysis.Detection;
import org.sandiq.analysis.Language;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.Fields;

/** Which fields a query word probes: pruned by script, and by the query's language when sure. */
class QueryFieldsTest {
  private final FieldWeights weights = new FieldWeights();

  private List<String> probed(Detection detection, String word) {
    Map<String, Float> boosts = weights.forQuery(AnalysisProfile.MULTILINGUAL, detection);
    return List.of(new QueryFields(boosts, detection, true).forWord(word));
  }

  @Test
  void aWordProbesOnlyLanguagesWrittenInItsScript() {
    List<String> cyrillic = probed(Detection.UNDETERMINED, "Ходжалы");
    assertTrue(cyrillic.contains(Fields.text(Language.RU)));
    assertTrue(cyrillic.contains(Fields.text(Language.AZ)), "older Azerbaijani is Cyrillic");
    assertFalse(cyrillic.contains(Fields.text(Language.EN)));
    assertFalse(cyrillic.contains(Fields.title(Language.TR)));
    List<String> latin = probed(Detection.UNDETERMINED, "Xocalı");
    assertFalse(latin.contains(Fields.text(Language.RU)));
    assertTrue(latin.containsAll(List.of(Fields.text(Language.EN), Fields.text(Language.TR))));
    for (List<String> fields : List.of(cyrillic, latin)) {
      assertTrue(
          fields.containsAll(
              List.of(
                  Fields.TEXT_FOLDED,
                  Fields.TITLE_FOLDED,
                  Fields.TEXT_XSCRIPT,
                  Fields.TITLE_XSCRIPT)),
          "the neutral fields hold every document");
      assertFalse(
          fields.contains(Fields.text(Language.UND)),
          "text in other languages has no fields of its own, the neutral ones hold it");
    }
  }

  @Test
  void aSureLanguageProbesItsOwnFieldsAndTheNeutralOnes() {
    List<String> english = probed(new Detection(Language.EN, 0.95), "running");
    // Title and text in English, the folded and cross-script pairs, a page's other text.
    assertEquals(7, english.size(), english.toString());
    assertTrue(english.contains(Fields.title(Language.EN)));
    assertFalse(english.contains(Fields.text(Language.TR)));
    List<String> turkish = probed(new Detection(Language.TR, 0.95), "kitaplar");
    assertTrue(turkish.contains(Fields.text(Language.AZ)), "az and tr pass for each other");
    assertFalse(turkish.contains(Fields.text(Language.EN)));
    List<String> unsure = probed(new Detection(Language.EN, 0.5), "running");
    assertTrue(unsure.contains(Fields.text(Language.TR)), "an unsure guess prunes nothing");
  }

  @Test
  void aQuotedPhraseProbesOnlyTheFieldsOfTheWordsThemselves() {
    Detection english = new Detection(Language.EN, 0.95);
    Map<String, Float> boosts = weights.forQuery(AnalysisProfile.MULTILINGUAL, english);
    assertEquals(
        List.of(Fields.TEXT_FOLDED, Fields.TEXT_XSCRIPT, Fields.TITLE_FOLDED, Fields.TITLE_XSCRIPT),
        List.of(new QueryFields(boosts, english, true).exact("running shoes")));
    Map<String, Float> standard =
        weights.forQuery(AnalysisProfile.STANDARD, Detection.UNDETERMINED);
    assertEquals(
        List.of(Fields.text(Language.UND), Fields.title(Language.UND)),
        List.of(new QueryFields(standard, Detection.UNDETERMINED, false).exact("running shoes")),
        "a standard index has only its own two fields");
  }

  @Test
  void wordsWithoutOneScriptProbeEveryLanguage() {
    assertNull(QueryFields.script("1918"));
    assertNull(QueryFields.script("Xocalı-Ходжалы"));
    assertEquals(Character.UnicodeScript.LATIN, QueryFields.script("Brexit's"));
    // Title and text of each of the four languages, and the five neutral fields.
    assertEquals(13, probed(Detection.UNDETERMINED, "1918").size());
  }
}
