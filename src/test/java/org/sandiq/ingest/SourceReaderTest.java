package org.sandiq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.testing.Fixtures;

class SourceReaderTest {
  @TempDir Path dir;
  private final SourceReader reader = new SourceReader();
  private final DocumentCleaner cleaner = new DocumentCleaner();

  private List<CleanDocument> readAll(Path corpusRoot, Path file) throws Exception {
    List<CleanDocument> docs = new ArrayList<>();
    reader.read(new Corpus(corpusRoot).file(file), raw -> docs.add(cleaner.clean(raw)));
    return docs;
  }

  /** Reads {@code file}, which must fail, keeping in {@code kept} what it passed on first. */
  private IngestException readFailing(Path file, List<CleanDocument> kept) {
    return assertThrows(
        IngestException.class,
        () -> reader.read(new Corpus(dir).file(file), raw -> kept.add(cleaner.clean(raw))));
  }

  @Test
  void warcResponseBecomesADocumentWithUrlAndCaptureDate() throws Exception {
    Path corpus = Fixtures.shippedCorpus();
    List<CleanDocument> docs = readAll(corpus, corpus.resolve("warc/jwarc-cc.warc.gz"));
    assertEquals(1, docs.size());
    CleanDocument doc = docs.get(0);
    assertTrue(doc.url().startsWith("http"), doc.url());
    assertTrue(doc.source().startsWith("warc/jwarc-cc.warc.gz#"), doc.source());
    assertTrue(doc.date() != null && doc.date().isBefore(Instant.now()));
    assertTrue(doc.text().length() > 100, "the page text is extracted");
    assertEquals("en", doc.langHint());
  }

  @Test
  void warcRequestsAreSkippedAndARevisitIsASecondCapture() throws Exception {
    Path corpus = Fixtures.shippedCorpus();
    // warcinfo x2, request x2, response x1, revisit x1 (of that response): two captures.
    List<CleanDocument> docs = readAll(corpus, corpus.resolve("warc/warcio-example.warc.gz"));
    assertEquals(2, docs.size());
    assertEquals("example.com", docs.get(0).site());
    assertEquals(docs.get(0).url(), docs.get(1).url());
  }

  @Test
  void gzippedHtmlIsReadAsHtml() throws Exception {
    Path file = dir.resolve("page.html.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(
          "<html><body><p>Gzipped page about the Caspian Sea.</p></body></html>"
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertEquals(java.util.Optional.of(SourceFormat.HTML), SourceFormat.of(file));
    List<CleanDocument> docs = readAll(dir, file);
    assertEquals(1, docs.size());
    assertEquals("Gzipped page about the Caspian Sea.", docs.get(0).text());
  }

  @Test
  void truncatedGzipKeepsWhatItUnpackedAndIsReportedWithAReason() throws Exception {
    Path whole = dir.resolve("whole.html.gz");
    StringBuilder page = new StringBuilder("<html><head><title>Xocalı</title></head><body>");
    for (int i = 0; i < 4000; i++) {
      page.append("<p>paragraph ").append(i).append(" of the page</p>");
    }
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(whole))) {
      out.write(page.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    byte[] bytes = Files.readAllBytes(whole);
    Path broken = dir.resolve("broken.html.gz");
    Files.write(broken, Arrays.copyOf(bytes, bytes.length / 2));
    List<CleanDocument> kept = new ArrayList<>();
    IngestException e = readFailing(broken, kept);
    assertTrue(e.getMessage().contains("truncated gzip"), e.getMessage());
    assertTrue(e.getMessage().contains("the part read is kept"), e.getMessage());
    assertEquals(1, kept.size());
    assertEquals("Xocalı", kept.get(0).title());
    String text = kept.get(0).text();
    assertTrue(text.startsWith("paragraph 0 of the page"), text.substring(0, 40));
    assertTrue(text.contains("paragraph 100 of the page"), "the first half is read");
    assertTrue(!text.contains("paragraph 3999 of the page"), "the cut half is not invented");

    // Cut inside the gzip header: nothing to keep, still a reason.
    Path stub = dir.resolve("stub.txt.gz");
    Files.write(stub, Arrays.copyOf(bytes, 6));
    List<CleanDocument> none = new ArrayList<>();
    IngestException header = readFailing(stub, none);
    assertTrue(header.getMessage().contains("gzip"), header.getMessage());
    assertTrue(none.isEmpty());
  }

  @Test
  void truncatedWarcIsReportedWithItsOffset() throws Exception {
    byte[] whole =
        Files.readAllBytes(Fixtures.shippedCorpus().resolve("warc/warcio-example.warc.gz"));
    Path broken = dir.resolve("broken.warc.gz");
    Files.write(broken, Arrays.copyOf(whole, whole.length * 2 / 3));
    ArchiveSummary summary = reader.read(new Corpus(dir).file(broken), raw -> {});
    assertEquals(1, summary.damage().size(), summary.line());
    assertTrue(summary.damage().get(0).offset() > 0, summary.line());
    assertTrue(summary.damage().get(0).reason().contains("cut off"), summary.line());
  }

  @Test
  void textThatIsNotAWarcIsReported() throws Exception {
    Path fake = dir.resolve("fake.warc");
    Files.writeString(fake, "this is not an archive\n");
    IngestException e = assertThrows(IngestException.class, () -> readAll(dir, fake));
    assertTrue(e.getMessage().contains("WARC"), e.getMessage());
  }

  @Test
  void emptyFileIsReported() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.txt"));
    IngestException e = assertThrows(IngestException.class, () -> readAll(dir, empty));
    assertEquals("empty file", e.getMessage());
  }

  @Test
  void corpusListsOnlyReadableFilesAndSkipsHiddenOnes() throws Exception {
    Fixtures.write(dir, "a/one.txt", "one");
    Fixtures.write(dir, "a/two.HTML", "<p>two</p>");
    Fixtures.write(dir, "notes.md", "not indexed");
    Fixtures.write(dir, ".git/x.txt", "hidden");
    List<String> names = new Corpus(dir).files().stream().map(CorpusFile::relativePath).toList();
    assertEquals(List.of("a/one.txt", "a/two.HTML"), names);
  }
}
