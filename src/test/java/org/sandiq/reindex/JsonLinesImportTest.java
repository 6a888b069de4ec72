package org.sandiq.reindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.ingest.Corpus;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.search.SearchRequest;
import org.sandiq.search.SearchResponse;
import org.sandiq.testing.Fixtures;

/** A JSON Lines export indexed as clean documents: fields, languages, bad lines, raw view. */
class JsonLinesImportTest {
  @TempDir Path dir;

  private static final String GOOD =
      """
      {"id":"a1","title":"Khojaly remembered","text":"The town of Khojaly is remembered every \
      February by people across the country.","lang":"en","url":"https://news.example.org/a1",\
      "date":"2021-02-26"}
      {"id":"a2","title":"Xocalı faciəsi","text":"Xocalı faciəsinin ildönümü ölkənin hər \
      yerində anılır.","lang":"az"}

      {"id":"a3","text":"Ходжалинская трагедия: в Ходжалы погибли мирные жители."}
      """;

  @Test
  void recordsBecomeDocumentsWithTheirFields() throws Exception {
    Path corpus = dir.resolve("corpus");
    Fixtures.write(corpus, "export/news.jsonl", GOOD);
    ReindexReport report = Fixtures.reindex(corpus, dir.resolve("index"), false);
    assertTrue(report.succeeded(), report.failures().toString());
    assertEquals(3, report.documents());
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(dir.resolve("index"), new FieldAnalyzers(analyzers))) {
      SearchResponse khojaly = search.search(SearchRequest.of("Khojaly"));
      assertEquals(3, khojaly.total(), "cross-script names reach all three records");
      SearchResponse.Hit english = search.search(SearchRequest.of("remembered")).hits().get(0);
      assertEquals("Khojaly remembered", english.title());
      assertEquals("https://news.example.org/a1", english.url());
      assertEquals("news.example.org", english.site());
      assertEquals("en", english.lang());
      assertEquals("2021-02-26", english.date().substring(0, 10));
      assertEquals("az", search.search(SearchRequest.of("faciəsi")).hits().get(0).lang());
      SearchResponse.Hit untitled = search.search(SearchRequest.of("трагедия")).hits().get(0);
      assertEquals("ru", untitled.lang());
      assertTrue(untitled.title().startsWith("Ходжалинская трагедия"), untitled.title());
      // The raw view of a record is its line.
      String source = search.document(english.id()).orElseThrow().source();
      String raw =
          new String(new Corpus(corpus).readRaw(source).orElseThrow(), StandardCharsets.UTF_8);
      assertTrue(raw.startsWith("{\"id\":\"a1\""), raw);
    }
  }

  @Test
  void badLinesAreSkippedCountedAndTheRestIndexed() throws Exception {
    Path corpus = dir.resolve("corpus");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      lines.append("{\"id\":").append(i).append(",\"text\":\"record number ").append(i);
      lines.append(" about the caravanserai\"}\n");
      if (i == 100) {
        lines.append("{\"id\":\"broken\", \"text\": \n"); // not JSON
      }
      if (i == 200) {
        lines.append("{\"title\":\"no text\"}\n");
      }
    }
    Path file = corpus.resolve("dump.jsonl.gz");
    Files.createDirectories(corpus);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
    }
    ReindexReport report = Fixtures.reindex(corpus, dir.resolve("index"), false);
    assertEquals(500, report.documents(), "every good record is indexed");
    assertEquals(1, report.failed());
    List<ReindexReport.Failure> failures = report.failures();
    assertEquals("dump.jsonl.gz", failures.get(0).file());
    assertTrue(
        failures.get(0).reason().startsWith("2 documents skipped; the first: "),
        failures.get(0).reason());
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(dir.resolve("index"), new FieldAnalyzers(analyzers))) {
      assertEquals(500, search.search(SearchRequest.of("caravanserai")).total());
    }
  }

  @Test
  void aTruncatedGzipExportKeepsWhatWasRead() throws Exception {
    Path corpus = dir.resolve("corpus");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      lines.append("{\"text\":\"line ").append(i).append(" of a long export of the archive ");
      lines.append(Integer.toHexString(i * 7919)).append("\"}\n");
    }
    java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(packed)) {
      out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] bytes = packed.toByteArray();
    Files.createDirectories(corpus);
    Files.write(corpus.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    ReindexReport report = Fixtures.reindex(corpus, dir.resolve("index"), false);
    assertEquals(1, report.failed());
    String reason = report.failures().get(0).reason();
    assertTrue(reason.startsWith("damaged or truncated gzip after line "), reason);
    assertTrue(report.documents() > 0 && report.documents() < 2000, "kept " + report.documents());
  }
}
