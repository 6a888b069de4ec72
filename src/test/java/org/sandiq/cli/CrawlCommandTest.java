package org.sandiq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.crawl.FixtureSite;

/** {@code sandiq crawl} as a user runs it. */
class CrawlCommandTest {
  @TempDir Path dir;

  @Test
  void crawlWithIndexMakesThePagesSearchable() throws Exception {
    try (FixtureSite site = FixtureSite.chain(4, 100)) {
      Path corpus = dir.resolve("corpus");
      Path index = dir.resolve("index");
      CommandLineTest.Run run =
          CommandLineTest.run(
              "crawl",
              site.base + "/chain/0",
              "--out",
              corpus.resolve("crawl").toString(),
              "--corpus",
              corpus.toString(),
              "--index-dir",
              index.toString(),
              "--delay",
              "1",
              "--index");
      assertEquals(0, run.exit(), run.err());
      List<String> lines = run.out().lines().toList();
      assertTrue(lines.get(0).startsWith("crawl: fetched 7 "), run.out()); // 5 pages + sitemap
      assertEquals("crawl: traps: 0 URLs skipped", lines.get(1), run.out());
      assertTrue(lines.get(2).startsWith("indexed 1, "), run.out());
      CommandLineTest.Run search =
          CommandLineTest.run("search", FixtureSite.CHAIN_WORD, "--index", index.toString());
      assertEquals(0, search.exit(), search.err());
      assertTrue(search.out().contains(site.base + "/chain/3"), search.out());
    }
  }

  @Test
  void indexRefusesAnOutFolderOutsideTheCorpus() throws Exception {
    Path corpus = dir.resolve("corpus");
    CommandLineTest.Run run =
        CommandLineTest.run(
            "crawl",
            "http://127.0.0.1:9/",
            "--out",
            dir.resolve("elsewhere").toString(),
            "--corpus",
            corpus.toString(),
            "--index");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("is not inside it"), run.err());
    assertFalse(Files.exists(dir.resolve("elsewhere")), "nothing crawled");
  }

  @Test
  void aSeedThatIsNotHttpIsABadArgument() {
    CommandLineTest.Run run =
        CommandLineTest.run("crawl", "file:///etc/passwd", "--out", dir.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("not an http(s) URL"), run.err());
  }
}
