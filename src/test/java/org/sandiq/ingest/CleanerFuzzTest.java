package org.sandiq.ingest;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for cleaning: any bytes, as HTML or text, either become a clean document (plain text,
 * a non-empty title) or an {@link IngestException} with a reason. {@code ./mvnw verify} replays the
 * saved inputs; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class CleanerFuzzTest {
  private final DocumentCleaner cleaner = new DocumentCleaner();

  @FuzzTest(maxDuration = "5m")
  void anyBytesCleanOrFailClearly(FuzzedDataProvider data) {
    SourceFormat format = data.pickValue(new SourceFormat[] {SourceFormat.HTML, SourceFormat.TEXT});
    String charset = data.pickValue(new String[] {null, "utf-8", "windows-1251", "bogus"});
    byte[] body = data.consumeRemainingAsBytes();
    try {
      CleanDocument doc =
          cleaner.clean(new RawDocument("f.html", null, null, format, body, charset));
      if (doc.title() == null || doc.title().isBlank() || doc.text() == null) {
        throw new AssertionError("a clean document needs a title and text");
      }
    } catch (IngestException expected) {
      if (expected.getMessage() == null || expected.getMessage().isBlank()) {
        throw new AssertionError("a failure without a reason", expected);
      }
    }
  }
}
