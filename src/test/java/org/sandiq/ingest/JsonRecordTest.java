package org.sandiq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A JSON Lines record's {@code lang} becomes the primary subtag of its language tag, lower-case, or
 * no hint at all when it is not one (the hint then never overrides the detector).
 */
class JsonRecordTest {
  @Test
  void theLanguageHintIsThePrimarySubtag() throws Exception {
    Map<String, String> hints = new LinkedHashMap<>();
    hints.put("az", "az");
    hints.put("az-Latn", "az");
    hints.put("AZ_cyrl", "az");
    hints.put("EN", "en");
    hints.put("tur", "tur");
    hints.put(" ru ", "ru");
    hints.put("english", null);
    hints.put("e", null);
    hints.put("-en", null);
    hints.put("e1", null);
    hints.put("ру", null);
    hints.put("", null);
    for (Map.Entry<String, String> hint : hints.entrySet()) {
      String line = "{\"text\":\"Some words.\",\"lang\":\"" + hint.getKey() + "\"}";
      RawDocument raw =
          new RawDocument(
              "corpus.jsonl#1",
              null,
              null,
              SourceFormat.JSONL,
              line.getBytes(StandardCharsets.UTF_8),
              null);
      assertEquals(
          hint.getValue(),
          JsonRecord.clean(raw, "corpus.jsonl").langHint(),
          "lang \"" + hint.getKey() + "\"");
    }
  }
}
