package org.sandiq.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.reindex.ReindexReport;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.search.SearchRequest;
import org.sandiq.search.SearchResponse;
import org.sandiq.search.StoredDocument;
import org.sandiq.testing.Fixtures;

/**
 * The shared WARC/ARC samples of other web-archive projects' test suites (../shared, read at test
 * time and never copied into the project: some are GPL): every HTML page they hold is found by
 * words of its visible text after a reindex.
 */
class SharedArchivesTest {
  @TempDir Path dir;

  /** The measure of issue 14: words from each captured page find that page by its URL. */
  @Test
  void wordsOfEveryArchivedPageFindThatPage() throws Exception {
    Path samples = Fixtures.shared("data/warc-samples");
    Path corpus = dir.resolve("corpus");
    List<PageProbes.Probe> probes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(samples)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = samples.relativize(file).toString().replace('\\', '/');
        if (!name.matches(".*\\.w?arc(\\.gz)?(\\.[a-z]+)?")) {
          continue; // every archive, whatever Sandiq makes of its name (the page HTML is not one)
        }
        Path target = corpus.resolve(name);
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
        probes.addAll(PageProbes.of(file, name, 8));
      }
    }
    ReindexReport report = Fixtures.reindex(corpus, dir.resolve("index"), false);
    List<String> missed = new ArrayList<>();
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(dir.resolve("index"), new FieldAnalyzers(analyzers))) {
      for (PageProbes.Probe probe : probes) {
        SearchResponse response = search.search(new SearchRequest(probe.words(), null, 1, 50));
        if (!found(search, response, probe)) {
          missed.add(probe.file() + " " + probe.url() + " [" + probe.words() + "]");
        }
      }
    }
    double rate = 1.0 - (double) missed.size() / probes.size();
    System.out.printf(
        "archive probes: %d of %d pages found (%.1f %%)%n",
        probes.size() - missed.size(), probes.size(), 100 * rate);
    missed.forEach(m -> System.out.println("  missed: " + m));
    report.failures().forEach(f -> System.out.println("  reported: " + f));
    assertTrue(probes.size() >= 30, "the samples hold pages to probe: " + probes.size());
    assertTrue(rate >= 0.95, "found " + (100 * rate) + " %; missed: " + missed);
  }

  /**
   * Whether a hit is the probed page: a document of the probed file with the URL the archive
   * captured, or a copy or capture collapsed into a hit (the same text found in another file is not
   * this file read).
   */
  private static boolean found(
      LuceneSearchService search, SearchResponse response, PageProbes.Probe probe) {
    for (SearchResponse.Hit hit : response.hits()) {
      StoredDocument doc = search.document(hit.id()).orElseThrow();
      List<String> ids = new ArrayList<>(List.of(doc.id()));
      doc.duplicates().forEach(r -> ids.add(r.id()));
      doc.captures().forEach(r -> ids.add(r.id()));
      for (String id : ids) {
        StoredDocument d = search.document(id).orElseThrow();
        if (d.source().startsWith(probe.file() + "#") && Objects.equals(d.url(), probe.url())) {
          return true;
        }
      }
    }
    return false;
  }
}
