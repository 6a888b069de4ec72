package org.sandiq.reindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.search.SearchRequest;
import org.sandiq.testing.DedupCrawls;
import org.sandiq.testing.Fixtures;
import org.sandiq.testing.RunawayKeys;

class ReindexerTest {
  @TempDir Path dir;

  private long count(Path index, String query) throws Exception {
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(index, new FieldAnalyzers(analyzers))) {
      // A quoted word is matched as written: no relaxation to near spellings.
      return search.search(SearchRequest.of("\"" + query + "\"")).total();
    }
  }

  private long documents(Path index) throws Exception {
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(index, new FieldAnalyzers(analyzers))) {
      return search.documentCount();
    }
  }

  @Test
  void linesRepeatedAcrossAFolderAreStoredButNotSearched() throws Exception {
    Path corpus = dir.resolve("corpus");
    Path index = dir.resolve("index");
    String[] bodies = {
      "The caravan reached Sheki at dawn.",
      "The ferry crossed the Caspian at night.",
      "The train left Baku for Tbilisi.",
      "The festival opened in Ganja with music."
    };
    for (int i = 0; i < bodies.length; i++) {
      Fixtures.write(
          corpus,
          "site/" + i + ".txt",
          "Story " + i + "\n\n" + bodies[i] + "\n\nZeplinmenu Sections Contacts\n\nSee more");
    }
    Fixtures.write(corpus, "other/x.txt", "Other\n\nA note on Zeplinmenu in another folder.");
    Fixtures.reindex(corpus, index, false);
    assertEquals(1, count(index, "Zeplinmenu"), "only the other folder's text finds it");
    assertEquals(1, count(index, "caravan"), "the content is still searched");
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(index, new FieldAnalyzers(analyzers))) {
      var hit = search.search(SearchRequest.of("caravan")).hits().get(0);
      assertTrue(
          search.document(hit.id()).orElseThrow().text().contains("Zeplinmenu Sections Contacts"),
          "the stored text keeps the line");
    }
  }

  private static int segments(Path index) throws Exception {
    try (FSDirectory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.leaves().size();
    }
  }

  @Test
  void aFullRebuildGoesLiveInOneSegmentWhileIncrementalRunsLeaveMerging() throws Exception {
    Path corpus = dir.resolve("corpus");
    Path index = dir.resolve("index");
    for (int run = 0; run < 3; run++) {
      for (int i = 0; i < 5; i++) {
        Fixtures.write(
            corpus, "f" + run + "/" + i + ".txt", "Note " + i + "\n\nCaravan " + (run * 5 + i));
      }
      Fixtures.reindex(corpus, index, false);
    }
    assertTrue(segments(index) >= 3, "each incremental commit adds a segment: " + segments(index));
    ReindexReport full = Fixtures.reindex(corpus, index, true);
    assertEquals(15, full.documents());
    assertEquals(1, segments(index), "the rebuild is merged before it goes live");
    assertEquals(15, documents(index));
    assertEquals(15, count(index, "caravan"));
  }

  @Test
  void incrementalReindexFollowsEditsDeletionsAndAdditions() throws Exception {
    Path corpus = dir.resolve("corpus");
    Path index = dir.resolve("index");
    Path a = Fixtures.write(corpus, "a.txt", "Alpha\n\nThe caravan reached Sheki at dawn.");
    Path b = Fixtures.write(corpus, "b.txt", "Beta\n\nThe ferry crossed the Caspian.");
    Fixtures.write(corpus, "c/c.html", "<title>Gamma</title><p>Gamma page about Ganja.</p>");

    ReindexReport first = Fixtures.reindex(corpus, index, false);
    assertEquals(3, first.indexed());
    assertEquals(3, first.documents());
    assertEquals(3, documents(index));

    ReindexReport again = Fixtures.reindex(corpus, index, false);
    assertEquals(0, again.indexed() + again.updated() + again.deleted());
    assertEquals(3, again.skipped(), "nothing changed: every file is skipped");

    Files.writeString(a, "Alpha\n\nThe caravan reached Shamakhi at dusk.");
    Files.setLastModifiedTime(a, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    Files.delete(b);
    Fixtures.write(corpus, "d.txt", "Delta\n\nThe train left Baku for Tbilisi.");
    ReindexReport changed = Fixtures.reindex(corpus, index, false);
    assertEquals(1, changed.indexed());
    assertEquals(1, changed.updated());
    assertEquals(1, changed.deleted());
    assertEquals(1, changed.skipped());
    assertEquals(3, documents(index));
    assertEquals(0, count(index, "Sheki"), "the old text of the edited file is gone");
    assertEquals(1, count(index, "Shamakhi"));
    assertEquals(0, count(index, "Caspian"), "the deleted file is gone");
    assertEquals(1, count(index, "Tbilisi"));
  }

  @Test
  void touchedButUnchangedFileIsSkippedByHash() throws Exception {
    Path corpus = dir.resolve("corpus");
    Path a = Fixtures.write(corpus, "a.txt", "Alpha\n\nSame text.");
    Fixtures.reindex(corpus, dir.resolve("index"), false);
    Files.setLastModifiedTime(a, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    ReindexReport report = Fixtures.reindex(corpus, dir.resolve("index"), false);
    assertEquals(1, report.skipped());
    assertEquals(0, report.updated());
  }

  @Test
  void brokenFilesAreReportedAndTheRestIsIndexed() throws Exception {
    Path corpus = dir.resolve("corpus");
    Path index = dir.resolve("index");
    Fixtures.write(corpus, "good.txt", "Good\n\nNizami Ganjavi wrote five long poems.");
    Files.write(corpus.resolve("binary.txt"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 0});
    byte[] warc =
        Files.readAllBytes(Fixtures.shippedCorpus().resolve("warc/warcio-example.warc.gz"));
    Files.write(corpus.resolve("truncated.warc.gz"), Arrays.copyOf(warc, 700));
    Files.createFile(corpus.resolve("empty.html"));

    ReindexReport report = Fixtures.reindex(corpus, index, false);
    assertEquals(1, report.indexed());
    assertEquals(3, report.failed());
    assertFalse(report.succeeded());
    assertEquals("binary.txt", report.failures().get(0).file());
    assertTrue(report.failures().get(0).reason().contains("binary"));
    assertEquals("empty.html", report.failures().get(1).file());
    assertEquals("truncated.warc.gz", report.failures().get(2).file());
    assertEquals(1, count(index, "Nizami"));
    assertTrue(
        Pattern.matches(
            "indexed 1, updated 0, deleted 0, skipped 0, failed 3 in \\d+\\.\\d s",
            report.summary()),
        report.summary());

    // Failed files are tried again next time, and reported again.
    assertEquals(3, Fixtures.reindex(corpus, index, false).failed());
  }

  @Test
  void fullRebuildReplacesTheIndex() throws Exception {
    Path corpus = dir.resolve("corpus");
    Path index = dir.resolve("index");
    Fixtures.write(corpus, "a.txt", "Alpha\n\nLankaran tea.");
    Fixtures.write(corpus, "b.txt", "Beta\n\nQuba apples.");
    Fixtures.reindex(corpus, index, false);
    Files.delete(corpus.resolve("b.txt"));
    ReindexReport full = Fixtures.reindex(corpus, index, true);
    assertEquals(1, full.indexed());
    assertEquals(0, full.deleted(), "a rebuild starts empty: nothing to delete");
    assertEquals(1, documents(index));
    assertEquals(0, count(index, "Quba"));
    assertEquals(1, count(index, "Lankaran"));
    // The rebuilt index still knows its files: the next incremental run skips them.
    assertEquals(1, Fixtures.reindex(corpus, index, false).skipped());
  }

  @Test
  void warcRecordsAreSearchableWithTheirUrl() throws Exception {
    Path corpus = dir.resolve("corpus");
    Fixtures.copyShipped(corpus, "warc/jwarc-cc.warc.gz", "w/cc.warc.gz");
    ReindexReport report = Fixtures.reindex(corpus, dir.resolve("index"), false);
    assertEquals(1, report.documents());
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(dir.resolve("index"), new FieldAnalyzers(analyzers))) {
      var hits = search.search(SearchRequest.of("")).hits();
      assertEquals(1, hits.size());
      assertTrue(hits.get(0).url().startsWith("http"), hits.get(0).url());
      assertTrue(hits.get(0).date() != null);
      assertTrue(
          search.document(hits.get(0).id()).orElseThrow().source().startsWith("w/cc.warc.gz#"));
    }
  }

  @Test
  void aRevisitOfAnEarlierCrawlsCaptureIsACaptureWithItsOwnDate() throws Exception {
    Path corpus = dir.resolve("corpus");
    Path index = dir.resolve("index");
    DedupCrawls.writeFirst(corpus, "crawls/2023.warc.gz");
    DedupCrawls.writeSecond(corpus, "crawls/2024.warc.gz");

    // Both crawls in one rebuild: the revisit's capture is in the other file.
    ReindexReport full = Fixtures.reindex(corpus, index, true);
    assertEquals(new ReindexReport.Revisits(1, 1), full.revisits(), full.summary());
    assertEquals(2, count(index, DedupCrawls.WORD));
    assertEquals(2, full.documents());
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(index, new FieldAnalyzers(analyzers))) {
      var captures =
          search.search(SearchRequest.of("url:" + DedupCrawls.PAGE)).hits().stream()
              .map(h -> search.document(h.id()).orElseThrow())
              .toList();
      // Undated pages: the date shown is the capture's.
      assertEquals(
          java.util.Set.of("2023", "2024"),
          captures.stream()
              .map(d -> d.date().substring(0, 4))
              .collect(java.util.stream.Collectors.toSet()));
      for (var d : captures) {
        assertTrue(d.text().contains(DedupCrawls.WORD), d.text());
      }
    }

    // The next crawl added to an index that holds the first: found through the index.
    Path later = dir.resolve("later");
    Path laterIndex = dir.resolve("later-index");
    DedupCrawls.writeFirst(later, "crawls/2023.warc.gz");
    Fixtures.reindex(later, laterIndex, false);
    DedupCrawls.writeSecond(later, "crawls/2024.warc.gz");
    ReindexReport added = Fixtures.reindex(later, laterIndex, false);
    assertEquals(1, added.indexed(), added.summary());
    assertEquals(new ReindexReport.Revisits(1, 1), added.revisits());
    assertEquals(2, count(laterIndex, DedupCrawls.WORD));

    // The revisit belongs to its own file: gone with it.
    Files.delete(later.resolve("crawls/2024.warc.gz"));
    Fixtures.reindex(later, laterIndex, false);
    assertEquals(1, count(laterIndex, DedupCrawls.WORD));
  }

  @Test
  void theBritishLibrarysRecrawlOfGovUkKeepsEveryPageItRevisited() throws Exception {
    // A real deduplicating crawl (webarchive-discovery's test files, read from ../shared): the
    // second file holds 55 revisits, 28 of them of pages whose captures are in the first.
    Path corpus = dir.resolve("corpus");
    for (String name :
        List.of(
            "gov.uk-revisit.BL-20140325121225068-00000-32090_opera_8443.warc.gz",
            "gov.uk-revisit.BL-20140325122341434-00000-32090_opera_8443.warc.gz")) {
      Files.createDirectories(corpus);
      Files.copy(
          Fixtures.shared("data/warc-samples/webarchive-discovery/" + name), corpus.resolve(name));
    }
    ReindexReport report = Fixtures.reindex(corpus, dir.resolve("index"), true);
    assertEquals(new ReindexReport.Revisits(28, 0), report.revisits(), report.summary());
    assertEquals(34 + 6 + 28, report.documents(), report.summary());
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(dir.resolve("index"), new FieldAnalyzers(analyzers))) {
      // The terms page, captured at 12:12 and revisited at 12:23: two captures of one URL.
      assertEquals(
          2, search.search(SearchRequest.of("url:data.gov.uk/terms-and-conditions")).total());
    }
  }

  @Test
  void runawayUrlsAndRecordIdsCostNoPage() throws Exception {
    // A crawler trap's URL of 40,000 characters, a record id of 50,000, a canonical link of a
    // made-up host: each made a term over Lucene's limit, which refused the whole document.
    Path corpus = dir.resolve("corpus");
    Path index = dir.resolve("index");
    String trap = RunawayKeys.write(corpus);
    ReindexReport report = Fixtures.reindex(corpus, index, true);
    assertTrue(report.succeeded(), report.failures().toString());
    assertEquals(3, count(index, RunawayKeys.WORD));
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(index, new FieldAnalyzers(analyzers))) {
      var urls =
          search.search(SearchRequest.of(RunawayKeys.WORD)).hits().stream()
              .map(h -> h.url())
              .toList();
      assertTrue(urls.contains(trap), "the URL is stored whole");
      assertTrue(urls.contains(RunawayKeys.PLAIN), urls.toString());
    }
  }
}
