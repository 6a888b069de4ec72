package org.sandiq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that are not what they claim, or extreme: reported with a reason or cut safely. */
class BadInputTest {
  @TempDir Path dir;
  private final DocumentCleaner cleaner = new DocumentCleaner();

  private CleanDocument html(byte[] bytes) throws IngestException {
    return cleaner.clean(new RawDocument("p.html", null, null, SourceFormat.HTML, bytes, null));
  }

  @Test
  void undeclaredWindows1251HtmlIsCyrillic() throws Exception {
    String russian =
        "Москва — столица России. Город расположен на реке Москве в центре"
            + " Восточно-Европейской равнины, население превышает двенадцать миллионов человек.";
    String page = "<html><body><p>" + russian + "</p></body></html>";
    CleanDocument doc = html(page.getBytes(Charset.forName("windows-1251")));
    assertEquals(russian, doc.text());
  }

  @Test
  void undeclaredWindows1254TurkishIsDecodedRight() throws Exception {
    String turkish =
        "İstanbul Boğazı'nın iki yakasını birleştiren köprüler, şehrin en çok ziyaret edilen"
            + " yerleri arasında; ışıklı gecelerde yüzlerce kişi kıyıda yürüyüş yapıyor.";
    String page = "<html><body><p>" + turkish + "</p></body></html>";
    CleanDocument doc = html(page.getBytes(Charset.forName("windows-1254")));
    assertEquals(turkish, doc.text());
    CleanDocument text =
        cleaner.clean(
            new RawDocument(
                "t.txt",
                null,
                null,
                SourceFormat.TEXT,
                turkish.getBytes(Charset.forName("windows-1254")),
                null));
    assertEquals(turkish, text.text());
  }

  @Test
  void deeplyNestedHtmlIsCleanedWithoutOverflow() throws Exception {
    int depth = 200_000;
    StringBuilder page = new StringBuilder("<html><body>");
    page.append("<div>".repeat(depth));
    page.append("<p>Deep paragraph about the old city walls of Baku and their towers.</p>");
    page.append("</div>".repeat(depth));
    page.append("<p>A paragraph after the nesting, with enough words to read as prose.</p>");
    page.append("</body></html>");
    CleanDocument doc = html(page.toString().getBytes(StandardCharsets.UTF_8));
    assertTrue(doc.text().contains("old city walls"), doc.text());
  }

  @Test
  void hugePageIsCutNotRefused() throws Exception {
    String para =
        "<p>Paragraph of a very long archived page, repeated until it weighs fifty megabytes,"
            + " about ships in the Caspian Sea and the ports they call at.</p>\n";
    StringBuilder page = new StringBuilder("<html><body><article>");
    while (page.length() < 50 << 20) {
      page.append(para);
    }
    page.append("<p>THE-LAST-PARAGRAPH</p></article></body></html>");
    CleanDocument doc = html(page.toString().getBytes(StandardCharsets.UTF_8));
    assertTrue(doc.text().startsWith("Paragraph of a very long archived page"));
    assertTrue(doc.text().length() < DocumentCleaner.MAX_HTML_CHARS, "cut to the limit");
    assertTrue(!doc.text().contains("THE-LAST-PARAGRAPH"), "the tail beyond the limit is cut");
  }

  @Test
  void binaryFilesNamedAsTextAreReportedAsNotText() throws Exception {
    // Real compressed data without NUL bytes (brotli), and a gzip file without its .gz.
    Files.copy(ArchiveFiles.sample("crafted-page.html.br"), dir.resolve("page.html"));
    Files.write(
        dir.resolve("notes.txt"),
        ArchiveFiles.gzip(
            "Notes about the Caspian Sea.".repeat(20).getBytes(StandardCharsets.UTF_8)));
    SourceReader reader = new SourceReader();
    for (CorpusFile file : new Corpus(dir).files()) {
      IngestException e =
          assertThrows(IngestException.class, () -> reader.read(file, raw -> cleaner.clean(raw)));
      assertTrue(e.getMessage().contains("not text"), file + ": " + e.getMessage());
    }
  }

  @Test
  void badFilesAreReportedAndTheRestIsRead() throws Exception {
    Files.write(dir.resolve("empty.html"), new byte[0]);
    Files.write(dir.resolve("binary.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
    Files.write(dir.resolve("truncated.warc.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0});
    Files.write(dir.resolve("bad.html.gz"), "not gzip at all".getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("good.html"), "<p>Good page about Ganja.</p>");
    SourceReader reader = new SourceReader();
    List<String> failures = new ArrayList<>();
    List<CleanDocument> docs = new ArrayList<>();
    for (CorpusFile file : new Corpus(dir).files()) {
      try {
        reader.read(file, raw -> docs.add(cleaner.clean(raw)));
      } catch (IngestException e) {
        failures.add(file.relativePath() + ": " + e.getMessage());
      }
    }
    assertEquals(1, docs.size(), failures.toString());
    assertEquals("Good page about Ganja.", docs.get(0).text());
    assertEquals(4, failures.size(), failures.toString());
    assertTrue(
        failures.stream().anyMatch(f -> f.startsWith("empty.html: empty")), failures.toString());
    assertTrue(
        failures.stream().anyMatch(f -> f.startsWith("binary.txt: binary")), failures.toString());
    assertTrue(
        failures.stream().anyMatch(f -> f.startsWith("bad.html.gz: damaged")), failures.toString());
    assertThrows(IngestException.class, () -> html(new byte[] {0, 1, 2, 3}));
  }
}
