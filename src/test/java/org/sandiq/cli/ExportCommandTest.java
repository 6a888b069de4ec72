package org.sandiq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.sandiq.testing.CaptureArchive;
import org.sandiq.testing.Fixtures;

/** {@code sandiq export}: every match to standard output or a file, in each format. */
class ExportCommandTest {
  @TempDir Path dir;
  Path corpus;
  Path index;

  @BeforeEach
  void index() throws Exception {
    corpus = dir.resolve("corpus");
    index = dir.resolve("index");
    CaptureArchive.write(corpus, "webarchive/captures.warc.gz");
    Fixtures.write(corpus, "notes/n.txt", "Lighthouse notes\n\nA short note about a lighthouse.");
    assertEquals(
        0,
        CommandLineTest.run("reindex", "--corpus", corpus.toString(), "--index", index.toString())
            .exit());
  }

  CommandLineTest.Run export(String... args) {
    List<String> all =
        new java.util.ArrayList<>(
            List.of("export", "--corpus", corpus.toString(), "--index", index.toString()));
    all.addAll(List.of(args));
    return CommandLineTest.run(all.toArray(String[]::new));
  }

  @Test
  void csvAndJsonLinesGoToStandardOutput() throws Exception {
    CommandLineTest.Run csv = export("lighthouse", "--format", "csv");
    assertEquals(0, csv.exit(), csv.err());
    List<String> rows = csv.out().lines().toList();
    assertEquals("id,url,title,date,capture_date,lang,site,collection,score", rows.get(0));
    assertEquals(7, rows.size(), csv.out());
    assertTrue(csv.err().contains("export: 6 documents"), csv.err());

    CommandLineTest.Run jsonl = export("lighthouse", "--collection", "notes");
    assertEquals(0, jsonl.exit(), jsonl.err());
    List<String> lines = jsonl.out().lines().toList();
    assertEquals(1, lines.size());
    assertEquals("notes", new ObjectMapper().readTree(lines.get(0)).get("collection").asText());
  }

  @Test
  void warcGoesToAFileWithTheOriginalRecords() throws Exception {
    Path out = dir.resolve("out.warc.gz");
    CommandLineTest.Run run =
        export("url:example.org/news/*", "--format", "warc", "-o", out.toString());
    assertEquals(0, run.exit(), run.err());
    int responses = 0;
    try (WarcReader reader = new WarcReader(out)) {
      for (WarcRecord record : reader) {
        if (record instanceof WarcResponse r) {
          assertTrue(r.target().startsWith("http"), r.target());
          responses++;
        }
      }
    }
    assertEquals(4, responses);
  }

  @Test
  void aJsonLinesExportIndexedAgainKeepsTitlesDatesAndCaptureDates() throws Exception {
    Path copy = dir.resolve("copy");
    Path lines = copy.resolve("webarchive/export.jsonl");
    java.nio.file.Files.createDirectories(lines.getParent());
    CommandLineTest.Run run =
        export("url:example.org/news/*", "--format", "jsonl", "-o", lines.toString());
    assertEquals(0, run.exit(), run.err());
    Path copyIndex = dir.resolve("copy-index");
    assertEquals(
        0,
        CommandLineTest.run("reindex", "--corpus", copy.toString(), "--index", copyIndex.toString())
            .exit());
    CommandLineTest.Run again =
        CommandLineTest.run(
            "export",
            "url:example.org/news/*",
            "--format",
            "csv",
            "--corpus",
            copy.toString(),
            "--index",
            copyIndex.toString());
    assertEquals(0, again.exit(), again.err());
    List<String> original = rows(export("url:example.org/news/*", "--format", "csv").out());
    assertEquals(4, original.size(), original.toString());
    assertEquals(original, rows(again.out()), "url, title, dates, language, site and collection");
  }

  @Test
  void aWarcExportIndexedAgainHoldsEveryDocumentLooseFilesArcAndJsonLinesIncluded()
      throws Exception {
    Fixtures.write(corpus, "notes/sub dir/m.html", "<html><title>Harbour log</title><p>Boats.");
    Path arc = corpus.resolve("arc/example.arc.gz");
    java.nio.file.Files.createDirectories(arc.getParent());
    java.nio.file.Files.copy(
        Path.of(
            ExportCommandTest.class
                .getResource("/org/sandiq/ingest/archives/warcio-example.arc.gz")
                .toURI()),
        arc);
    Fixtures.write(
        corpus,
        "feeds/f.jsonl",
        "{\"id\":\"x1\",\"title\":\"Ferry timetable\",\"text\":\"The ferry leaves at noon.\","
            + "\"date\":\"2022-05-01\"}\n");
    assertEquals(
        0,
        CommandLineTest.run("reindex", "--corpus", corpus.toString(), "--index", index.toString())
            .exit());
    Path copy = dir.resolve("copy");
    Path warc = copy.resolve("imported/export.warc.gz");
    java.nio.file.Files.createDirectories(warc.getParent());
    CommandLineTest.Run run = export("", "--format", "warc", "-o", warc.toString());
    assertEquals(0, run.exit(), run.err());
    Path copyIndex = dir.resolve("copy-index");
    CommandLineTest.Run reindex =
        CommandLineTest.run(
            "reindex", "--corpus", copy.toString(), "--index", copyIndex.toString());
    assertEquals(0, reindex.exit(), reindex.err());
    CommandLineTest.Run again =
        CommandLineTest.run(
            "export", "", "--corpus", copy.toString(), "--index", copyIndex.toString());
    assertEquals(0, again.exit(), again.err());
    java.util.Set<String> original = documents(export("").out());
    assertTrue(
        original.stream().anyMatch(d -> d.startsWith("notes/n.txt | Lighthouse notes |")),
        original.toString());
    assertTrue(
        original.stream().anyMatch(d -> d.startsWith("notes/sub dir/m.html | Harbour log |")),
        original.toString());
    assertTrue(
        original.stream().anyMatch(d -> d.startsWith("feeds/f.jsonl#id=x1 | Ferry timetable |")),
        original.toString());
    assertTrue(
        original.stream().anyMatch(d -> d.startsWith("http://example.com/ | Example Domain |")),
        "an ARC record's page, exported as a WARC response record: " + original);
    assertEquals(original, documents(again.out()), "every document, by address, title and text");
  }

  /** Each exported document as "url | title | text". */
  private static java.util.Set<String> documents(String jsonLines) throws Exception {
    ObjectMapper json = new ObjectMapper();
    java.util.Set<String> documents = new java.util.TreeSet<>();
    for (String line : jsonLines.lines().toList()) {
      com.fasterxml.jackson.databind.JsonNode d = json.readTree(line);
      documents.add(
          d.get("url").asText() + " | " + d.get("title").asText() + " | " + d.get("text").asText());
    }
    return documents;
  }

  /** The CSV's data rows without the id and score columns, sorted. */
  private static List<String> rows(String csv) {
    return csv.lines()
        .skip(1)
        .map(row -> row.substring(row.indexOf(',') + 1, row.lastIndexOf(',')))
        .sorted()
        .toList();
  }

  @Test
  void tooManyMatchesAreRefusedBeforeAnythingIsWritten() {
    CommandLineTest.Run run = export("lighthouse", "--format", "csv", "--max", "2");
    assertEquals(Main.EXIT_FATAL, run.exit());
    assertTrue(run.err().contains("more than the export limit of 2"), run.err());
    assertEquals("", run.out());
    assertEquals(Main.EXIT_FATAL, export("lighthouse", "--format", "pdf").exit());
  }
}
