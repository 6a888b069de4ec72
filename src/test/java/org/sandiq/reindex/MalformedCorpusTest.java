package org.sandiq.reindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.search.SearchRequest;
import org.sandiq.search.SearchResponse;
import org.sandiq.testing.Fixtures;

/**
 * Hostile corpora: 600 generated files, most of them broken (binary, truncated gzip and WARC,
 * invalid UTF-8, empty, deeply nested markup, script-laden titles), the rest good. The reindex does
 * not crash, names every file it could not read, indexes every good document, and keeps what a cut
 * gzipped text unpacks to.
 */
class MalformedCorpusTest {
  @TempDir Path dir;

  static byte[] gzip(byte[] bytes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void brokenFilesAreReportedAndEveryGoodDocumentIsIndexed() throws Exception {
    Path corpus = dir.resolve("corpus");
    Random random = new Random(500);
    byte[] warc =
        Files.readAllBytes(Fixtures.shippedCorpus().resolve("warc/warcio-example.warc.gz"));
    Set<String> mustFail = new HashSet<>();
    int good = 0;
    int partial = 0;
    for (int i = 0; i < 600; i++) {
      String name = String.format("f%03d", i);
      switch (i % 12) {
        case 0 -> {
          byte[] junk = new byte[1 + random.nextInt(4000)];
          random.nextBytes(junk);
          junk[0] = 0;
          Files.createDirectories(corpus);
          Files.write(corpus.resolve(name + ".txt"), junk);
          mustFail.add(name + ".txt");
        }
        case 1 -> {
          Files.write(
              corpus.resolve(name + ".warc.gz"),
              Arrays.copyOf(warc, 50 + random.nextInt(warc.length / 3)));
          mustFail.add(name + ".warc.gz");
        }
        case 2 -> {
          byte[] text = ("Title " + i + "\n\nSome text " + i).getBytes(StandardCharsets.UTF_8);
          byte[] gz = gzip(text);
          Files.write(corpus.resolve(name + ".warc.gz"), Arrays.copyOf(gz, gz.length / 2));
          mustFail.add(name + ".warc.gz");
        }
        case 3 -> {
          Files.write(corpus.resolve(name + ".html"), new byte[0]);
          mustFail.add(name + ".html");
        }
        case 4 -> {
          // Invalid UTF-8 (a lone continuation byte and a truncated sequence): decoded, not lost.
          byte[] bytes =
              ("Broken bytes " + i + "\n\nqualitymark" + i + " caf\u00e9 ")
                  .getBytes(StandardCharsets.UTF_8);
          byte[] bad = Arrays.copyOf(bytes, bytes.length + 3);
          bad[bytes.length] = (byte) 0x80;
          bad[bytes.length + 1] = (byte) 0xE2;
          bad[bytes.length + 2] = (byte) 0x82;
          Files.write(corpus.resolve(name + ".txt"), bad);
          good++;
        }
        case 5 -> {
          String nested =
              "<div>".repeat(5000) + "qualitymark" + i + " deep" + "</div>".repeat(5000);
          Fixtures.write(corpus, name + ".html", "<html><body>" + nested + "</body></html>");
          good++;
        }
        case 6 -> {
          Fixtures.write(
              corpus,
              name + ".html",
              "<html><head><title><script>alert("
                  + i
                  + ")</script>Evil &lt;img src=x"
                  + " onerror=alert(1)&gt;</title><script>document.cookie</script></head>"
                  + "<body onload=\"alert(2)\"><p>qualitymark"
                  + i
                  + " <iframe src=javascript:1>"
                  + "</iframe></p></body></html>");
          good++;
        }
        case 7 -> {
          Files.write(corpus.resolve(name + ".warc"), "WARC/1.1\r\nWARC-Type: resp".getBytes());
          mustFail.add(name + ".warc");
        }
        case 8 -> {
          // A gzipped text cut in half: reported, and the half that unpacks is indexed.
          StringBuilder page = new StringBuilder("Cut " + i + "\n\nqualitymark" + i);
          for (int w = 0; w < 2000; w++) {
            page.append(' ').append(Integer.toString(random.nextInt(), 36));
          }
          byte[] text = page.toString().getBytes(StandardCharsets.UTF_8);
          byte[] gz = gzip(text);
          Files.createDirectories(corpus);
          Files.write(corpus.resolve(name + ".txt.gz"), Arrays.copyOf(gz, gz.length / 2));
          mustFail.add(name + ".txt.gz");
          partial++;
        }
        default -> {
          Fixtures.write(
              corpus, "good/" + name + ".txt", "Good " + i + "\n\nqualitymark" + i + " fine text.");
          good++;
        }
      }
    }
    ReindexReport report = Fixtures.reindex(corpus, dir.resolve("index"), false);
    Set<String> failed = new HashSet<>();
    report.failures().forEach(f -> failed.add(f.file()));
    assertEquals(mustFail, failed, "exactly the broken files are reported");
    report.failures().forEach(f -> assertFalse(f.reason().isBlank(), f.file()));
    assertFalse(report.succeeded());
    assertEquals(good, report.indexed());
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(dir.resolve("index"), new FieldAnalyzers(analyzers))) {
      assertEquals(good + partial, search.documentCount(), "the cut gzip texts' halves are kept");
      for (int i : new int[] {4, 5, 6, 8, 11, 596}) {
        SearchResponse r = search.search(SearchRequest.of("\"qualitymark" + i + "\""));
        assertEquals(1, r.total(), "document " + i + " is searchable");
      }
      SearchResponse evil = search.search(SearchRequest.of("\"qualitymark6\""));
      String title = evil.hits().get(0).title();
      assertTrue(title.contains("Evil"), title);
      assertFalse(evil.hits().get(0).titleHtml().contains("<img"), "titles are escaped");
      assertFalse(evil.hits().get(0).snippet().contains("<iframe"), "snippets are escaped");
    }
  }
}
