package org.sandiq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.testing.Fixtures;

/** {@code sandiq eval retrieval} as a user runs it, on a tiny collection written here. */
class EvalCommandTest {
  @TempDir Path dir;

  String[] args(String... extra) throws Exception {
    Fixtures.write(
        dir,
        "corpus.jsonl",
        """
        {"id": "d1", "title": "Xocalı", "text": "Xocalı şəhərində abidə ucaldılıb.", "lang": "az"}
        {"id": "d2", "title": "Bakı", "text": "Bakıda yeni metro stansiyası açılıb.", "lang": "az"}
        {"id": "d3", "title": "Gardens", "text": "The old garden opens in spring.", "lang": "en"}
        """);
    Fixtures.write(
        dir,
        "queries.jsonl",
        """
        {"id": "q1", "text": "Xocalıda abidə", "lang": "az"}
        {"id": "q2", "text": "metro stansiyaları harada açılıb?", "lang": "az"}
        """);
    Fixtures.write(dir, "qrels.tsv", "query-id\tdoc-id\tgrade\nq1\td1\t1\nq2\td2\t1\n");
    List<String> all =
        new java.util.ArrayList<>(
            List.of(
                "eval",
                "retrieval",
                "--corpus",
                dir.resolve("corpus.jsonl").toString(),
                "--queries",
                dir.resolve("queries.jsonl").toString(),
                "--qrels",
                dir.resolve("qrels.tsv").toString()));
    all.addAll(List.of(extra));
    return all.toArray(String[]::new);
  }

  @Test
  void printsTheFiguresAsJsonAndWritesATrecRun() throws Exception {
    Path run = dir.resolve("run.txt");
    CommandLineTest.Run result = CommandLineTest.run(args("--json", "--run", run.toString()));
    assertEquals(0, result.exit(), result.err());
    JsonNode figures = new ObjectMapper().readTree(result.out());
    assertEquals("sandiq", figures.get("analyzer").asText());
    assertEquals(2, figures.get("queries").asInt());
    assertEquals(1.0, figures.get("mrr@10").asDouble(), 1e-9);
    assertEquals(1.0, figures.get("ndcg@10").asDouble(), 1e-9);
    List<String> lines = Files.readAllLines(run);
    assertTrue(
        lines.contains("q1 Q0 d1 1 " + lines.get(0).split(" ")[4] + " sandiq"), lines.get(0));
  }

  @Test
  void aRejectedQueryIsCountedAndTheRunGoesOn() throws Exception {
    String[] args = args("--json");
    String longQuery = ("abcdefghijklmnopqrstu ").repeat(60).strip();
    Files.writeString(
        dir.resolve("queries.jsonl"),
        "{\"id\": \"q1\", \"text\": \"Xocalıda abidə\"}\n"
            + "{\"id\": \"q2\", \"text\": \""
            + longQuery
            + "\"}\n");
    CommandLineTest.Run result = CommandLineTest.run(args);
    assertEquals(Main.EXIT_PARTIAL, result.exit(), result.err());
    assertTrue(result.err().contains("1 queries failed"), result.err());
    assertTrue(result.err().contains("q2: query too long"), result.err());
    JsonNode figures = new ObjectMapper().readTree(result.out());
    assertEquals(0.5, figures.get("mrr@10").asDouble(), 1e-9);
  }

  @Test
  void theBaselineRunsToo() throws Exception {
    CommandLineTest.Run result = CommandLineTest.run(args("--analyzer", "standard"));
    assertEquals(0, result.exit(), result.err());
    assertTrue(result.out().contains("nDCG@10"), result.out());
  }

  @Test
  void anUnknownAnalyzerOrAMissingFileIsAClearError() throws Exception {
    CommandLineTest.Run bad = CommandLineTest.run(args("--analyzer", "klingon"));
    assertEquals(Main.EXIT_FATAL, bad.exit());
    assertTrue(bad.err().contains("unknown analyzer 'klingon'"), bad.err());
    String[] args = args();
    Files.delete(dir.resolve("qrels.tsv"));
    CommandLineTest.Run missing = CommandLineTest.run(args);
    assertEquals(Main.EXIT_FATAL, missing.exit());
    assertTrue(missing.err().contains("qrels.tsv"), missing.err());
  }
}
