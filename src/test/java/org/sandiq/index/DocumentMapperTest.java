package org.sandiq.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;
import org.sandiq.analysis.Language;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.analysis.PassageLanguages;
import org.sandiq.ingest.CleanDocument;
import org.sandiq.ingest.DocumentCleaner;
import org.sandiq.ingest.RawDocument;
import org.sandiq.ingest.SourceFormat;
import org.sandiq.testing.Fixtures;

class DocumentMapperTest {
  private final LanguageDetector detector = new LanguageDetector();

  private static List<String> values(Document d, String field) {
    return Arrays.stream(d.getFields(field)).map(IndexableField::stringValue).toList();
  }

  @Test
  void seedPassagesGoToTheirOwnLanguagesAndTheKeysAreStored() throws Exception {
    CleanDocument doc =
        new DocumentCleaner()
            .clean(
                new RawDocument(
                    "seed/s.txt",
                    null,
                    null,
                    SourceFormat.TEXT,
                    Files.readAllBytes(Fixtures.seed()),
                    null));
    PreparedDocument prepared =
        new DocumentPreparation(AnalysisProfile.MULTILINGUAL, detector).prepare(doc, "seed/s.txt");
    assertEquals(Language.EN, prepared.language(), "the English body makes the document English");
    Document d = new DocumentMapper(DocumentMapper.facetsConfig()).toLucene(prepared);
    assertEquals(List.of("en", "az"), values(d, Fields.LANGS));
    assertEquals(1, d.getFields(Fields.text(Language.AZ)).length);
    String az = prepared.otherLanguages().get(Language.AZ);
    assertTrue(az.contains("Xankəndi - Bakı ultramarafonu yekunlaşdı"), az);
    assertFalse(az.contains("Khojaly city"), "the English body is not Azerbaijani");
    assertEquals(doc.text().length(), az.length(), "blanked, not cut: offsets stay valid");
    assertEquals(1, d.getFields(Fields.TEXT_FORMS).length, "the stems' words, for the marks");
    assertEquals(1, d.getFields(Fields.TEXT_HASH).length / 2, "term and doc values");
    assertEquals(0, d.getFields(Fields.URL_KEY).length, "a loose file has no URL key");
  }

  @Test
  void textInALanguageWithoutRulesGoesIntoTheNeutralFieldsOnly() throws Exception {
    CleanDocument doc =
        new DocumentCleaner()
            .clean(
                new RawDocument(
                    "de/k.txt",
                    null,
                    null,
                    SourceFormat.TEXT,
                    ("Die Straßenbahn in Köln\n\nDie Straßenbahn fährt jeden Morgen durch die"
                            + " Altstadt von Köln, und die Bäcker öffnen früh ihre Läden für die Nachbarn aus der"
                            + " ganzen Straße.")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    null));
    PreparedDocument prepared =
        new DocumentPreparation(AnalysisProfile.MULTILINGUAL, detector).prepare(doc, "de/k.txt");
    assertEquals(Language.UND, prepared.language(), "German: no rules of its own");
    Document d = new DocumentMapper(DocumentMapper.facetsConfig()).toLucene(prepared);
    for (String field : List.of(Fields.title(Language.UND), Fields.text(Language.UND))) {
      assertEquals(0, d.getFields(field).length, field + ": the folded field holds the same words");
    }
    assertEquals(1, d.getFields(Fields.TEXT_FOLDED).length);
    assertEquals(1, d.getFields(Fields.TITLE_FOLDED).length);
    assertEquals(List.of("und"), values(d, Fields.LANG));
    Document standard =
        new DocumentMapper(DocumentMapper.facetsConfig(), AnalysisProfile.STANDARD)
            .toLucene(
                new DocumentPreparation(AnalysisProfile.STANDARD, detector)
                    .prepare(doc, "de/k.txt"));
    assertEquals(
        1,
        standard.getFields(Fields.text(Language.UND)).length,
        "the standard analysis has only its one text field");
  }

  @Test
  void anArchivedPageKeepsItsCapturedUrlAndStoresItsCanonicalLinkApart() throws Exception {
    byte[] html =
        ("<html><head><link rel=canonical href=\"https://www.example.az/story\"></head>"
                + "<body><p>A story about the Caspian Sea and the ports along its shore.</p>"
                + "</body></html>")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    CleanDocument doc =
        new DocumentCleaner()
            .clean(
                new RawDocument(
                    "a.warc.gz#0",
                    "http://example.az/story?utm_source=feed",
                    null,
                    SourceFormat.HTML,
                    html,
                    "utf-8"));
    PreparedDocument prepared =
        new DocumentPreparation(AnalysisProfile.MULTILINGUAL, detector).prepare(doc, "a.warc.gz");
    Document d = new DocumentMapper(DocumentMapper.facetsConfig()).toLucene(prepared);
    // Stored whole, indexed as one (bounded) term: here the same value twice.
    assertEquals(
        List.of(
            "http://example.az/story?utm_source=feed", "http://example.az/story?utm_source=feed"),
        values(d, Fields.URL));
    assertEquals("http://example.az/story?utm_source=feed", d.get(Fields.URL));
    assertEquals(List.of("https://www.example.az/story"), values(d, Fields.CANONICAL_URL));
    // Captures of one URL share the key, tracking parameters aside.
    assertEquals(
        "example.az/story", d.getFields(Fields.URL_KEY)[0].stringValue(), "the captured URL's key");
  }

  @Test
  void shortOrUncertainPassagesStayUndetermined() {
    var passages =
        new PassageLanguages(detector)
            .detect("See more\n\nДобро пожаловать в наш город на берегу моря\n\nOK");
    assertEquals(Language.UND, passages.get(0).detection().language(), "too short to tell");
    assertEquals(Language.RU, passages.get(1).detection().language(), "Cyrillic: a letter rule");
    assertEquals(Language.UND, passages.get(2).detection().language());
  }
}
