package org.sandiq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.testing.Fixtures;

/** The commands as a user runs them: arguments in, exit code and output out. */
class CommandLineTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = Main.run(args);
      return new Run(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void reindexPrintsTheSummaryAndExitsZero() throws Exception {
    Path corpus = dir.resolve("corpus");
    Fixtures.copyShipped(corpus, "seed/000_7171e9ebea0e3f35.txt", "seed/s.txt");
    Run run = run("reindex", "--corpus", corpus.toString(), "--index", dir.resolve("i").toString());
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertTrue(
        lines
            .get(lines.size() - 1)
            .matches("indexed 1, updated 0, deleted 0, skipped 0, failed 0 in \\d+\\.\\d s"),
        run.out());
  }

  @Test
  void reindexCountsDuplicatesOnTheLineBeforeTheSummary() throws Exception {
    Path corpus = dir.resolve("corpus");
    Fixtures.copyShipped(corpus, "seed/000_7171e9ebea0e3f35.txt", "a/s.txt");
    Fixtures.copyShipped(corpus, "seed/000_7171e9ebea0e3f35.txt", "b/s.txt");
    Fixtures.write(corpus, "c/other.txt", "Other\n\nA text about something else entirely here.");
    Run run = run("reindex", "--corpus", corpus.toString(), "--index", dir.resolve("i").toString());
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(
        "duplicates: 1 exact, 0 near; 0 URLs captured more than once (0 captures)",
        lines.get(lines.size() - 2));
    assertTrue(lines.get(lines.size() - 1).startsWith("indexed 3, updated 0"), run.out());
  }

  @Test
  void reindexWithABrokenFileNamesItAndExitsNonZero() throws Exception {
    Path corpus = dir.resolve("corpus");
    Fixtures.write(corpus, "ok.txt", "Fine\n\nA readable file.");
    Files.write(corpus.resolve("bad.txt"), new byte[] {1, 0, 2, 0});
    Run run = run("reindex", "--corpus", corpus.toString(), "--index", dir.resolve("i").toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("failed: bad.txt: binary"), run.err());
    assertTrue(run.out().contains("indexed 1, updated 0, deleted 0, skipped 0, failed 1 in"));
  }

  @Test
  void reindexSummarisesEachArchiveAndADamagedOneExitsNonZero() throws Exception {
    Path corpus = dir.resolve("corpus");
    Fixtures.copyShipped(corpus, "warc/warcio-example.warc.gz", "warc/whole.warc.gz");
    byte[] whole = Files.readAllBytes(corpus.resolve("warc/whole.warc.gz"));
    Files.write(corpus.resolve("warc/cut.warc.gz"), java.util.Arrays.copyOf(whole, 2800));
    Run run = run("reindex", "--corpus", corpus.toString(), "--index", dir.resolve("i").toString());
    assertEquals(1, run.exit(), run.out() + run.err());
    List<String> lines = run.out().lines().toList();
    assertTrue(
        lines.contains("archive warc/whole.warc.gz: 6 records, 2 documents; skipped: not a page 4"),
        run.out());
    String cut =
        lines.stream().filter(l -> l.startsWith("archive warc/cut.warc.gz: ")).findFirst().get();
    assertTrue(
        cut.matches(".*1 documents; skipped: not a page \\d; damaged 1: offset \\d+: .*cut off.*"),
        cut);
    assertTrue(
        run.err().matches("(?s).*failed: warc/cut.warc.gz: 1 damaged place at offset \\d+: .*"),
        run.err());
  }

  @Test
  void reindexOfAMissingCorpusIsAClearError() {
    Run run =
        run(
            "reindex",
            "--corpus",
            dir.resolve("nope").toString(),
            "--index",
            dir.resolve("i").toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("does not exist"), run.err());
  }

  @Test
  void searchPrintsHitsOrJson() throws Exception {
    Path corpus = dir.resolve("corpus");
    Fixtures.copyShipped(corpus, "seed/000_7171e9ebea0e3f35.txt", "seed/s.txt");
    String index = dir.resolve("i").toString();
    assertEquals(0, run("reindex", "--corpus", corpus.toString(), "--index", index).exit());

    Run text = run("search", "Xocalı", "OR", "Khojaly", "--index", index);
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().startsWith("1 document for \"Xocalı OR Khojaly\""), text.out());
    assertTrue(text.out().contains("[Khojaly]"), text.out());

    Run json = run("search", "xankendi", "--json", "--index", index, "--limit", "5");
    JsonNode body = new ObjectMapper().readTree(json.out());
    assertEquals(1, body.get("total").asInt());
    assertEquals(5, body.get("size").asInt());

    Run bad = run("search", "\"open", "--index", index);
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("unbalanced quote"), bad.err());
  }

  @Test
  void extractPrintsOneJsonObjectPerDocument() throws Exception {
    Path corpus = Fixtures.shippedCorpus();
    Run run =
        run(
            "extract",
            "--corpus",
            corpus.toString(),
            corpus.resolve("seed/000_7171e9ebea0e3f35.txt").toString(),
            corpus.resolve("warc/jwarc-cc.warc.gz").toString());
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(2, lines.size());
    JsonNode seed = new ObjectMapper().readTree(lines.get(0));
    for (String key : List.of("id", "url", "title", "text", "lang", "date", "site")) {
      assertTrue(seed.has(key), key);
    }
    assertEquals("en", seed.get("lang").asText());
    assertEquals("seed/000_7171e9ebea0e3f35.txt", seed.get("url").asText());
    assertTrue(new ObjectMapper().readTree(lines.get(1)).get("url").asText().startsWith("http"));
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : List.of("reindex", "serve", "search", "extract")) {
      Run run = run(command, "--help");
      assertEquals(0, run.exit(), command);
      assertTrue(run.out().contains("Usage: sandiq " + command), run.out());
    }
  }
}
