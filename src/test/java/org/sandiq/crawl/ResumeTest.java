package org.sandiq.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crawl stopped or killed part way resumes without fetching again what it archived. */
class ResumeTest {
  static final int PAGES = 60;

  /** The kill test needs a longer chain: 20 kills, each after a few pages. */
  static final int KILL_PAGES = 250;

  @TempDir Path dir;

  static List<String> chainTargets() {
    return chainTargets(PAGES);
  }

  static List<String> chainTargets(int pages) {
    List<String> targets = new ArrayList<>();
    for (int n = 0; n <= pages; n++) {
      targets.add("/chain/" + n);
    }
    return targets;
  }

  @Test
  void stoppedCrawlResumesWithoutRefetching() throws Exception {
    try (FixtureSite site = FixtureSite.chain(PAGES, 2000)) {
      Path out = dir.resolve("crawl");
      CrawlConfig config = CrawlerTest.testConfig(List.of(site.base + "/chain/0"), out);
      Crawler first = new Crawler(config);
      CrawlReport part =
          first.run(
              new CrawlListener() {
                @Override
                public void progress(CrawlReport sofar, int queued) {
                  if (sofar.fetched() == 15) {
                    first.stop();
                  }
                }
              });
      assertEquals(15, part.fetched(), part.summary() + " " + site.counts());
      CrawlReport rest = new Crawler(config).run(CrawlListener.NONE);
      // pages 0..PAGES, the sitemap and the page it lists, less what the first run fetched
      assertEquals(PAGES + 3 - 15, rest.fetched(), rest.summary());

      for (var e : site.counts().entrySet()) {
        assertEquals(1, e.getValue(), e.getKey() + " requested twice");
      }
      ArchivedRecords archived = ArchivedRecords.read(out);
      assertEquals(2, archived.files.size(), "one WARC file per run");
      assertEquals(archived.urls().size(), new HashSet<>(archived.urls()).size());
      for (String target : chainTargets()) {
        assertEquals(200, archived.capture(site.base + target).status());
      }
    }
  }

  @Test
  void killedCrawlResumesAndLeavesWholeWarcFiles() throws Exception {
    try (FixtureSite site = FixtureSite.chain(KILL_PAGES, 200_000)) {
      Path out = dir.resolve("crawl");
      Random random = new Random(42);
      int kills = 20;
      for (int k = 0; k < kills; k++) {
        Process child = startChild(site, out);
        int before = site.log.size();
        int wait = 4 + random.nextInt(8);
        long deadline = System.currentTimeMillis() + 30_000;
        while (site.log.size() < before + wait && System.currentTimeMillis() < deadline) {
          Thread.sleep(2);
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to tidy up
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
      }
      Process last = startChild(site, out);
      assertTrue(last.waitFor(60, TimeUnit.SECONDS), "the resumed crawl finishes");
      assertEquals(0, last.exitValue(), new String(last.getInputStream().readAllBytes()));

      ArchivedRecords archived = ArchivedRecords.read(out); // every record whole
      assertEquals(
          archived.urls().size(),
          new HashSet<>(archived.urls()).size(),
          "archived twice: " + archived.urls());
      for (String target : chainTargets(KILL_PAGES)) {
        assertEquals(200, archived.capture(site.base + target).status());
      }
      // A page in flight when the process died was not archived and is asked again: at most one
      // per kill. Everything archived before the kill is never asked again.
      int repeats = 0;
      for (Map.Entry<String, Long> e : site.counts().entrySet()) {
        repeats += e.getValue() - 1;
      }
      assertTrue(repeats <= kills, "repeated requests " + repeats + ": " + site.counts());
      try (var files = Files.list(out)) {
        assertTrue(files.anyMatch(p -> p.getFileName().toString().equals(Frontier.FILE)));
      }
    }
  }

  @Test
  void tornWarcTailIsTrimmedAndAnArchivedButUnjournaledPageIsNotFetchedAgain() throws Exception {
    try (FixtureSite site = FixtureSite.chain(20, 5000)) {
      Path out = dir.resolve("crawl");
      CrawlConfig config = CrawlerTest.testConfig(List.of(site.base + "/chain/0"), out);
      Crawler first = new Crawler(config);
      first.run(
          new CrawlListener() {
            @Override
            public void progress(CrawlReport sofar, int queued) {
              if (sofar.fetched() == 5) {
                first.stop();
              }
            }
          });
      // As if killed after the last page's records were written but before its journal step:
      Path journal = out.resolve(Frontier.FILE);
      List<String> lines = new ArrayList<>(Files.readAllLines(journal));
      int lastDone = lines.size() - 1;
      String lostUrl = lines.get(lastDone).split("\t")[1];
      int previousDone = lastDone - 1;
      while (!lines.get(previousDone).startsWith("D\t")) {
        previousDone--;
      }
      Files.write(journal, lines.subList(0, previousDone + 1));
      Files.writeString(journal, "Q\t1\t0\tPA", java.nio.file.StandardOpenOption.APPEND);
      // ... and as if killed in the middle of writing a record after it:
      Path warc;
      try (var files = Files.list(out)) {
        warc = files.filter(p -> p.toString().endsWith(".warc.gz")).findFirst().orElseThrow();
      }
      byte[] bytes = Files.readAllBytes(warc);
      Files.write(
          warc,
          java.util.Arrays.copyOfRange(bytes, bytes.length - 3000, bytes.length - 1000),
          java.nio.file.StandardOpenOption.APPEND);

      new Crawler(config).run(CrawlListener.NONE);

      for (var e : site.counts().entrySet()) {
        assertEquals(1, e.getValue(), e.getKey() + " requested twice");
      }
      assertEquals(1, site.count(lostUrl.substring(site.base.length())));
      ArchivedRecords archived = ArchivedRecords.read(out); // the torn tail is gone
      assertEquals(archived.urls().size(), new HashSet<>(archived.urls()).size());
      for (int n = 0; n <= 20; n++) {
        assertEquals(200, archived.capture(site.base + "/chain/" + n).status());
      }
    }
  }

  @Test
  void recrawlSendsConditionalGetsAndWritesRevisits() throws Exception {
    try (FixtureSite site = FixtureSite.chain(10, 100)) {
      Path out = dir.resolve("crawl");
      CrawlConfig config = CrawlerTest.testConfig(List.of(site.base + "/chain/0"), out);
      CrawlReport first = new Crawler(config).run(CrawlListener.NONE);
      CrawlReport again = new Crawler(config).run(CrawlListener.NONE);
      assertEquals(0, again.fetched(), "a finished crawl run again fetches nothing");
      CrawlReport recrawl = new Crawler(config.withRecrawl(true, false)).run(CrawlListener.NONE);
      // Chain pages answer 304; the sitemap and the page it lists are the same bytes again.
      assertEquals(first.fetched(), recrawl.revisits(), recrawl.summary());
      assertEquals(first.fetched(), recrawl.fetched(), recrawl.summary());
      ArchivedRecords archived = ArchivedRecords.read(out);
      List<ArchivedRecords.Capture> revisits =
          archived.captures.stream().filter(c -> c.type().equals("revisit")).toList();
      assertEquals(first.fetched(), revisits.size());
      assertEquals(11, revisits.stream().filter(c -> c.status() == 304).count());
      assertEquals(2, revisits.stream().filter(c -> c.status() == 200).count());
      for (var e : site.counts().entrySet()) {
        if (e.getKey().startsWith("/chain/")) {
          assertEquals(2, e.getValue(), e.getKey() + ": once per pass");
        }
      }
    }
  }

  @Test
  void warcFilesRollAtTheConfiguredSize() throws Exception {
    try (FixtureSite site = FixtureSite.chain(12, 20_000)) {
      Path out = dir.resolve("crawl");
      CrawlConfig config =
          CrawlerTest.testConfig(List.of(site.base + "/chain/0"), out).withWarcRollBytes(1_000);
      CrawlReport report = new Crawler(config).run(CrawlListener.NONE);
      ArchivedRecords archived = ArchivedRecords.read(out); // each file opens with warcinfo
      assertTrue(archived.files.size() >= 4, archived.files.toString());
      assertEquals(report.fetched(), archived.captures.size());
    }
  }

  @Test
  void twoCrawlsNeverShareAFolder() throws Exception {
    try (Frontier running = Frontier.open(dir)) {
      java.io.IOException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              java.io.IOException.class, () -> Frontier.open(dir));
      assertTrue(e.getMessage().contains("another crawl is running"), e.getMessage());
    }
    Frontier.open(dir).close(); // released when the first one closed
  }

  private static Process startChild(FixtureSite site, Path out) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "org.sandiq.cli.Main",
            "crawl",
            site.base + "/chain/0",
            "--out",
            out.toString(),
            "--delay",
            "1",
            "--timeout",
            "2000",
            "--max-depth",
            "10")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
