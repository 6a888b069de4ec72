package org.sandiq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sandiq.ingest.ArchiveFiles.http;
import static org.sandiq.ingest.ArchiveFiles.page;
import static org.sandiq.ingest.ArchiveFiles.response;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.ingest.ArchiveSummary.Skip;
import org.sandiq.testing.Fixtures;

/**
 * Web archives as real crawlers write them: ARC, damage, compression and charset quirks. Each case
 * is a real sample file (copied Apache-2.0 files, or GPL ones read from ../shared at test time) or
 * a minimal file of the same shape built here.
 */
class ArchiveReadingTest {
  @TempDir Path dir;
  private final DocumentCleaner cleaner = new DocumentCleaner();

  /** The documents of one archive, and its summary. */
  private record Read(List<CleanDocument> docs, ArchiveSummary summary) {
    CleanDocument only() {
      assertEquals(1, docs.size(), docs.toString() + " " + summary.line());
      return docs.get(0);
    }
  }

  private Read read(Path file) throws Exception {
    Path copy = dir.resolve("corpus").resolve(file.getFileName().toString());
    Files.createDirectories(copy.getParent());
    if (!Files.exists(copy)) {
      Files.copy(file, copy);
    }
    List<CleanDocument> docs = new ArrayList<>();
    CorpusFile corpusFile = new Corpus(copy.getParent()).file(copy);
    ArchiveSummary summary =
        new SourceReader().read(corpusFile, raw -> docs.add(cleaner.clean(raw)));
    return new Read(docs, summary);
  }

  private Read readBytes(String name, byte[]... parts) throws Exception {
    return read(ArchiveFiles.write(dir, "built/" + name, parts));
  }

  @Test
  void arcFilesAreReadPlainAndCompressed() throws Exception {
    for (String name : List.of("warcio-example.arc", "warcio-example.arc.gz")) {
      Read read = read(ArchiveFiles.sample(name));
      CleanDocument doc = read.only();
      assertEquals("http://example.com/", doc.url());
      assertEquals(Instant.parse("2014-02-16T05:02:21Z"), doc.captureDate());
      assertTrue(doc.text().contains("illustrative examples in documents"), doc.text());
      assertEquals(2, read.summary().records(), read.summary().line());
      assertEquals(Map.of(Skip.NOT_A_PAGE, 1L), read.summary().skipped()); // the file description
      assertTrue(read.summary().intact(), read.summary().line());
    }
    assertEquals(Optional.of(SourceFormat.WARC), SourceFormat.of(Path.of("x.arc.gz")));
    assertEquals(Optional.of(SourceFormat.WARC), SourceFormat.of(Path.of("x.ARC")));
  }

  @Test
  void arcUrlWithSpacesIsReadAndAShortRecordReported() throws Exception {
    Read read = read(ArchiveFiles.sample("warcio-example-space-in-url.arc"));
    CleanDocument doc = read.only();
    assertEquals(
        "http://example.com/index.cfm?FuseAction=Email&EmailTitle=Examples%20From%20The%20Live%20Web"
            + "&IsPopUp=False",
        doc.url());
    assertTrue(doc.text().contains("illustrative examples"), doc.text());
    // The file lost its CRs: the record is shorter than it says, which is reported, and kept.
    assertEquals(1, read.summary().damage().size(), read.summary().line());
    assertEquals(151, read.summary().damage().get(0).offset());
    assertTrue(read.summary().damage().get(0).reason().contains("cut off"));
  }

  @Test
  void arcHeadersOfEarlyCrawlersAreReadFromTheirAddress() throws Exception {
    // As Alexa's crawls of 1997-2000 wrote some ARC v1 headers (CDX-Writer's test files have
    // them): a type with a space in it, a date field holding a hex string, an empty type.
    String version = "1 0 Alexa\nURL IP-address Archive-date Content-type Archive-length\n";
    byte[] desc =
        ("filedesc://early.arc 0.0.0.0 20000101000000 text/plain " + version.length() + "\n")
            .concat(version + "\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] film =
        arcRecord(
            "http://films.example.fr:80/tv/action.asp 10.1.2.3 20000512101010 text/html;"
                + " Charset=iso-8859-1",
            "<html><title>Cinéma d'action</title><p>Une émission dédiée aux films d'action.</p>",
            "ISO-8859-1");
    byte[] staff =
        arcRecord(
            "http://www.lab.example.se:80/staff/jan/ 10.2.3.4 4f2a9c0e1b7d3a5c6e8f9a0b1c2d3e4f5"
                + " text/html",
            "<html><title>Jan</title><p>Associate Professor of cell biology.</p>",
            "ISO-8859-1");
    byte[] untyped =
        arcRecord(
            "http://www.example.net/ 10.3.4.5 19971011121314 ",
            "<html><title>Untyped</title><p>A page whose header names no type.</p>",
            "ISO-8859-1");
    Read read = readBytes("early.arc", desc, film, staff, untyped);
    assertTrue(read.summary().intact(), read.summary().line());
    assertEquals(3, read.docs().size(), read.summary().line());
    CleanDocument first = read.docs().get(0);
    assertEquals("http://films.example.fr:80/tv/action.asp", first.url());
    assertTrue(first.text().contains("émission dédiée"), first.text());
    assertEquals(Instant.parse("2000-05-12T10:10:10Z"), first.captureDate());
    assertEquals("http://www.lab.example.se:80/staff/jan/", read.docs().get(1).url());
    assertNull(read.docs().get(1).captureDate(), "a hex string is no date");
    assertTrue(read.docs().get(2).text().contains("names no type"));
  }

  /** An ARC v1 record: {@code head} is its header line up to the length, which is added. */
  private static byte[] arcRecord(String head, String html, String charset) {
    byte[] body = html.getBytes(Charset.forName(charset));
    byte[] http =
        ("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] block = ArchiveFiles.concat(http, body);
    return ArchiveFiles.concat(
        (head + " " + block.length + "\n").getBytes(StandardCharsets.ISO_8859_1),
        block,
        "\n".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void arcWithBadLengthsReportsEachDamagedRecordWithItsOffset() throws Exception {
    Read read = read(ArchiveFiles.sample("warcio-bad.arc"));
    assertTrue(read.docs().isEmpty());
    List<Long> offsets =
        read.summary().damage().stream().map(ArchiveSummary.Damage::offset).toList();
    assertEquals(List.of(0L, 134L, 262L), offsets, read.summary().line());
    assertTrue(read.summary().damage().get(2).reason().contains("'abc'"), read.summary().line());
  }

  @Test
  void brotliBodiesAreDecoded() throws Exception {
    byte[] br = Files.readAllBytes(ArchiveFiles.sample("crafted-page.html.br"));
    Read read =
        readBytes(
            "brotli.warc.gz",
            ArchiveFiles.gzip(
                response(
                    "http://example.az/ferries",
                    "2024-05-01T10:00:00Z",
                    http(
                        "HTTP/1.1 200 OK",
                        List.of("Content-Type: text/html", "Content-Encoding: br"),
                        br))));
    assertTrue(read.only().text().contains("Turkmenbashi"), read.only().text());
  }

  @Test
  void brotliSampleOfAnotherProjectIsDecoded() throws Exception {
    Path file =
        Fixtures.shared(
            "data/warc-samples/webarchive-discovery/transfer_compression_brotli.warc.gz");
    Read read = read(file);
    assertEquals("Simple page", read.only().title());
    assertTrue(read.summary().intact(), read.summary().line());
  }

  @Test
  void unknownOrEmptyContentEncodingIsIdentity() throws Exception {
    for (String coding :
        List.of(
            "Content-Encoding: utf-8", "Content-Encoding:", "Content-Encoding: none, identity")) {
      Read read =
          readBytes(
              "coding-" + coding.length() + ".warc",
              response(
                  "http://example.az/",
                  "2024-05-01T10:00:00Z",
                  http(
                      "HTTP/1.1 200 OK",
                      List.of("Content-Type: text/html", coding),
                      page("Baku", "The Maiden Tower stands in the old city of Baku."))));
      assertTrue(read.only().text().contains("Maiden Tower"), coding);
    }
  }

  @Test
  void lyingHttpHeadersFallBackToTheBodyAsItIs() throws Exception {
    byte[] body = page("Ganja", "Nizami Ganjavi was born in Ganja in the twelfth century.");
    byte[] chunkedPlain =
        response(
            "http://example.az/a",
            "2024-05-01T10:00:00Z",
            http(
                "HTTP/1.1 200 OK",
                List.of("Content-Type: text/html", "Transfer-Encoding: chunked"),
                body));
    byte[] gzipPlain =
        response(
            "http://example.az/b",
            "2024-05-01T10:00:01Z",
            http(
                "HTTP/1.1 200 OK",
                List.of("Content-Type: text/html", "Content-Encoding: gzip"),
                body));
    byte[] brotliPlain =
        response(
            "http://example.az/c",
            "2024-05-01T10:00:02Z",
            http(
                "HTTP/1.1 200 OK",
                List.of("Content-Type: text/html", "Content-Encoding: br"),
                body));
    // A chunk that says it is larger than what follows: what follows is the chunk.
    byte[] longChunk =
        response(
            "http://example.az/d",
            "2024-05-01T10:00:03Z",
            http(
                "HTTP/1.1 200 OK",
                List.of("Content-Type: text/html", "Transfer-Encoding: chunked"),
                ArchiveFiles.concat("fffff\r\n".getBytes(StandardCharsets.US_ASCII), body)));
    // No Content-Type at all, or one with junk after it: the bytes say HTML.
    byte[] untyped =
        response(
            "http://example.az/e",
            "2024-05-01T10:00:04Z",
            http("HTTP/1.1 200 OK", List.of("Server: old"), body));
    byte[] junkType =
        response(
            "http://example.az/f",
            "2024-05-01T10:00:05Z",
            http("HTTP/1.1 200 OK", List.of("Content-Type: TEXT/HTML,"), body));
    Read read =
        readBytes("lying.warc", chunkedPlain, gzipPlain, brotliPlain, longChunk, untyped, junkType);
    assertEquals(6, read.docs().size(), read.summary().line());
    for (CleanDocument doc : read.docs()) {
      assertEquals(
          "Nizami Ganjavi was born in Ganja in the twelfth century.", doc.text(), doc.url());
    }
  }

  @Test
  void chunkedResponseOfARealCrawlIsDechunked() throws Exception {
    CleanDocument doc = read(ArchiveFiles.sample("warcio-example-iana.org-chunked.warc")).only();
    assertEquals("http://www.iana.org/", doc.url());
    assertFalse(
        doc.text().matches("(?s).*\\b[0-9a-f]{3,4}\\r?\\n.*"), "no chunk sizes in the text");
  }

  @Test
  void oldWarcVersionsAreRead() throws Exception {
    byte[] record =
        ArchiveFiles.record(
            "WARC/0.18",
            "response",
            "http://example.az/old",
            "2008-04-30T20:48:26Z",
            http(
                "HTTP/1.0 200 OK",
                List.of("Content-Type: text/html"),
                page("Old", "Heritrix wrote WARC/0.18 files in 2008 and 2009.")));
    CleanDocument doc = readBytes("old.warc", record).only();
    assertEquals("http://example.az/old", doc.url());
    assertEquals(Instant.parse("2008-04-30T20:48:26Z"), doc.captureDate());
  }

  @Test
  void compressionIsToldByTheBytesNotTheName() throws Exception {
    byte[] record =
        response(
            "http://example.az/s",
            "2024-05-01T10:00:00Z",
            http(
                "HTTP/1.1 200 OK",
                List.of("Content-Type: text/html"),
                page("Sheki", "The Khan's palace in Sheki has windows of coloured glass.")));
    assertTrue(
        readBytes("really-gzip.warc", ArchiveFiles.gzip(record)).only().text().contains("Khan"));
    assertTrue(readBytes("really-plain.warc.gz", record).only().text().contains("Khan"));
  }

  @Test
  void anArchiveWithAnExtraSuffixIsReadAndItsSidecarsAreNot() throws Exception {
    Path corpus = dir.resolve("suffixes");
    Files.createDirectories(corpus);
    Files.copy(
        ArchiveFiles.sample("warcio-example-bad.warc.gz.bad"),
        corpus.resolve("example-bad.warc.gz.bad"));
    Files.writeString(corpus.resolve("example-bad.warc.gz.md5"), "0123456789abcdef  x\n");
    List<CorpusFile> files = new Corpus(corpus).files();
    assertEquals(
        List.of("example-bad.warc.gz.bad"), files.stream().map(CorpusFile::relativePath).toList());
    Read read = read(corpus.resolve("example-bad.warc.gz.bad"));
    assertEquals(2, read.docs().size(), read.summary().line());
    assertEquals("http://example.com?example=1", read.docs().get(0).url());
  }

  @Test
  void aDamagedGzipMemberIsReportedAndTheNextRecordIsRead() throws Exception {
    byte[] first =
        ArchiveFiles.gzip(
            response(
                "http://example.az/1",
                "2024-05-01T10:00:00Z",
                http(
                    "HTTP/1.1 200 OK",
                    List.of("Content-Type: text/html"),
                    page("One", "The first page is about Lankaran tea gardens."))));
    byte[] second =
        ArchiveFiles.gzip(
            response(
                "http://example.az/2",
                "2024-05-01T10:00:01Z",
                http(
                    "HTTP/1.1 200 OK",
                    List.of("Content-Type: text/html"),
                    page("Two", "The second page is about Quba apples in autumn."))));
    byte[] third =
        ArchiveFiles.gzip(
            response(
                "http://example.az/3",
                "2024-05-01T10:00:02Z",
                http(
                    "HTTP/1.1 200 OK",
                    List.of("Content-Type: text/html"),
                    page("Three", "The third page is about Shamakhi wine and carpets."))));
    byte[] broken = second.clone();
    for (int i = 20; i < broken.length - 20; i += 7) {
      broken[i] ^= 0x5A; // bytes flipped inside the deflate data
    }
    Read read = readBytes("damaged.warc.gz", first, broken, third);
    assertEquals(
        List.of("http://example.az/1", "http://example.az/3"),
        read.docs().stream().map(CleanDocument::url).toList());
    assertEquals(1, read.summary().damage().size(), read.summary().line());
    assertEquals(first.length, read.summary().damage().get(0).offset());
  }

  @Test
  void garbageBetweenPlainRecordsIsReportedAndSkipped() throws Exception {
    byte[] first =
        response(
            "http://example.az/1",
            "2024-05-01T10:00:00Z",
            http(
                "HTTP/1.1 200 OK",
                List.of("Content-Type: text/html"),
                page("One", "Gobustan rock carvings are forty thousand years old.")));
    byte[] garbage =
        "this line is no record\r\nnor is this one\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] second =
        response(
            "http://example.az/2",
            "2024-05-01T10:00:01Z",
            http(
                "HTTP/1.1 200 OK",
                List.of("Content-Type: text/html"),
                page("Two", "Mud volcanoes bubble near Gobustan on the coast.")));
    byte[] padding = {0, 0, 0, 0}; // NUL padding between records is no damage
    Read read = readBytes("garbage.warc", first, garbage, padding, second);
    assertEquals(2, read.docs().size(), read.summary().line());
    assertEquals(1, read.summary().damage().size(), read.summary().line());
    assertEquals(first.length, read.summary().damage().get(0).offset());
  }

  @Test
  void aTruncatedGzipKeepsEveryCompleteRecordBeforeIt() throws Exception {
    byte[] whole =
        Files.readAllBytes(Fixtures.shippedCorpus().resolve("warc/warcio-example.warc.gz"));
    // Cut inside the last record: the records before it are whole and read.
    Read read = readBytes("cut.warc.gz", Arrays.copyOf(whole, whole.length - 200));
    assertEquals(6, read.summary().records(), read.summary().line());
    assertEquals("http://example.com/", read.docs().get(0).url());
    assertFalse(read.summary().intact());
    assertTrue(read.summary().damage().get(0).reason().contains("cut off"), read.summary().line());
  }

  @Test
  void aWholeFileGzipCutShortKeepsItsCompleteRecords() throws Exception {
    byte[] plain =
        ArchiveFiles.concat(
            response(
                "http://example.az/1",
                "2024-05-01T10:00:00Z",
                http(
                    "HTTP/1.1 200 OK",
                    List.of("Content-Type: text/html"),
                    page("One", "Naftalan oil baths are a spa tradition."))),
            response(
                "http://example.az/2",
                "2024-05-01T10:00:01Z",
                http(
                    "HTTP/1.1 200 OK",
                    List.of("Content-Type: text/html"),
                    page("Two", "Khinalug is a village high in the Caucasus."))));
    byte[] gz =
        ArchiveFiles.gzip(plain); // one member for the whole file, as `gzip file.warc` makes
    Read read = readBytes("whole.warc.gz", Arrays.copyOf(gz, gz.length - 30));
    assertTrue(read.docs().size() >= 1, read.summary().line());
    assertEquals("http://example.az/1", read.docs().get(0).url());
    assertFalse(read.summary().intact());
  }

  @Test
  void aPayloadCutShortInARealFileIsKeptAndTheRestRead() throws Exception {
    Read read = read(ArchiveFiles.sample("warcio-example-trunc.warc"));
    assertEquals("http://example.com/", read.only().url());
    assertTrue(read.only().text().contains("illustrative examples"), read.only().text());
    // The response's gzip payload ends early: reported at the record, its text kept.
    assertEquals(
        List.of(1197L),
        read.summary().damage().stream().map(ArchiveSummary.Damage::offset).toList());
    assertTrue(read.summary().damage().get(0).reason().startsWith("gzip payload cut short"));
    assertEquals(4, read.summary().records(), read.summary().line()); // the request after it too
  }

  @Test
  void aRecordSpanningGzipMembersIsRead() throws Exception {
    Read read = read(ArchiveFiles.sample("warcio-example-wrong-chunks.warc.gz"));
    assertEquals("http://example.com/", read.only().url());
    assertTrue(read.summary().intact(), read.summary().line());
  }

  @Test
  void nonUtf8HeaderBytesAndAMisspeltCharsetAreRead() throws Exception {
    String french = "Le café du coin sert un thé à la menthe très sucré, préparé à l'ancienne.";
    byte[] latin1 = page("Café", french).clone();
    latin1 = new String(latin1, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
    byte[] headers =
        ArchiveFiles.concat(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8559-1\r\nX-Server-Note: caf"
                .getBytes(StandardCharsets.US_ASCII),
            new byte[] {(byte) 0xE9, (byte) 0xFF},
            "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    Read read =
        readBytes(
            "latin.warc",
            response(
                "http://example.fr/caf\u00e9",
                "2024-05-01T10:00:00Z",
                ArchiveFiles.concat(headers, latin1)));
    assertEquals(french, read.only().text());
  }

  @Test
  void aPageDeclaredInOneCharsetButWrittenInAnotherIsDecodedByItsBytes() throws Exception {
    String russian =
        "Москва — столица России, город на реке Москве с населением более двенадцати миллионов.";
    String turkish =
        "İstanbul Boğazı'nın iki yakasını birleştiren köprüler, şehrin en çok ziyaret edilen"
            + " yerleri arasında; ışıklı gecelerde yüzlerce kişi kıyıda yürüyüş yapıyor.";
    Read read =
        readBytes(
            "lying-charset.warc",
            declared("http://example.ru/1", "ISO-8859-1", page("Москва", russian), "UTF-8"),
            declared("http://example.ru/2", "utf-8", page("Москва", russian), "windows-1251"),
            declared("http://example.ru/3", "iso-8859-1", page("Москва", russian), "windows-1251"),
            declared("http://example.tr/4", "iso-8859-1", page("Köprü", turkish), "windows-1254"));
    assertEquals(4, read.docs().size(), read.summary().line());
    for (CleanDocument doc : read.docs()) {
      assertEquals(doc.url().contains(".tr/") ? turkish : russian, doc.text(), doc.url());
    }
  }

  /** A response that declares {@code charset} over {@code html} written in {@code written}. */
  private static byte[] declared(String url, String charset, byte[] html, String written) {
    byte[] body = new String(html, StandardCharsets.UTF_8).getBytes(Charset.forName(written));
    return response(
        url,
        "2024-05-01T10:00:00Z",
        http("HTTP/1.1 200 OK", List.of("Content-Type: text/html; charset=" + charset), body));
  }

  @Test
  void aRevisitOfAnEarlierResponseIsACaptureWithItsOwnDate() throws Exception {
    Read read = read(Fixtures.shippedCorpus().resolve("warc/warcio-example.warc.gz"));
    assertEquals(2, read.docs().size(), read.summary().line());
    CleanDocument original = read.docs().get(0);
    CleanDocument revisit = read.docs().get(1);
    assertEquals(original.url(), revisit.url());
    assertEquals(original.text(), revisit.text());
    assertEquals(Instant.parse("2017-03-06T04:02:06Z"), original.captureDate());
    assertEquals(Instant.parse("2017-03-06T04:03:48Z"), revisit.captureDate());
    assertTrue(!original.id().equals(revisit.id()));
  }

  @Test
  void aRevisitBeforeTheCaptureItRepeatsIsACaptureToo() throws Exception {
    // A Sandiq export lists records in index order, so a revisit may come before its capture.
    byte[] revisit = revisit("2024-06-01T10:00:00Z", "HTTP/1.1 200 OK", "text/html");
    byte[] capture = harbourCapture();
    Read read = readBytes("revisit-first.warc", revisit, capture);
    assertEquals(2, read.docs().size(), read.summary().line());
    assertEquals(
        java.util.Set.of(
            Instant.parse("2024-05-01T10:00:00Z"), Instant.parse("2024-06-01T10:00:00Z")),
        read.docs().stream().map(CleanDocument::captureDate).collect(Collectors.toSet()));
    assertTrue(read.docs().stream().allMatch(d -> d.title().equals("Harbour news")));
    assertTrue(read.summary().skipped().isEmpty(), read.summary().line());
  }

  @Test
  void aRevisitIsWhatItsOwnHeadersSay() throws Exception {
    // py-wacz's example-iana.warc: a revisit whose own status is 404, of a capture that was 200,
    // was indexed as that page. A 304 revisit (the server-not-modified profile) is the page.
    byte[] capture = harbourCapture();
    Read read =
        readBytes(
            "revisit-status.warc",
            capture,
            revisit("2024-06-01T10:00:00Z", "HTTP/1.1 404 Not Found", "text/html"),
            revisit("2024-07-01T10:00:00Z", "HTTP/1.1 304 Not Modified", "text/html"),
            revisit("2024-08-01T10:00:00Z", "HTTP/1.1 200 OK", "image/png"));
    assertEquals(
        java.util.Set.of(
            Instant.parse("2024-05-01T10:00:00Z"), Instant.parse("2024-07-01T10:00:00Z")),
        read.docs().stream().map(CleanDocument::captureDate).collect(Collectors.toSet()),
        read.summary().line());
    assertEquals(1L, read.summary().skipped().get(Skip.HTTP_STATUS), read.summary().line());
    assertEquals(1L, read.summary().skipped().get(Skip.NOT_HTML), read.summary().line());
  }

  /** A capture of {@code example.az/harbour} on 2024-05-01, digest {@code sha1:HARBOURPAGE}. */
  private static byte[] harbourCapture() {
    return response(
        "http://example.az/harbour",
        "2024-05-01T10:00:00Z",
        http(
            "HTTP/1.1 200 OK",
            List.of("Content-Type: text/html"),
            ArchiveFiles.page("Harbour news", "The boats came in early today.")),
        "WARC-Payload-Digest: sha1:HARBOURPAGE");
  }

  /** A revisit of {@link #harbourCapture()} at {@code date}, keeping these response headers. */
  private static byte[] revisit(String date, String status, String type) {
    return ArchiveFiles.record(
        "WARC/1.0",
        "revisit",
        "http://example.az/harbour",
        date,
        http(status, List.of("Content-Type: " + type), new byte[0]),
        "WARC-Payload-Digest: sha1:HARBOURPAGE",
        "WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest");
  }

  @Test
  void anUntypedPayloadIsReadAsTextWhenItReadsAsProse() throws Exception {
    // aut's example.txt.warc.gz (no Content-Type) and an FTP server's INDEX.txt served as
    // application/octet-stream (CDX-Writer's ftp-resource files) were skipped as "not HTML".
    String index =
        "HTML INDEX von http://ftp.example.de/pub - Keine weitere Information vorhanden. Die"
            + " Dateien in diesem Verzeichnis sind alt (1996), aber noch lesbar.";
    byte[] prose = http("HTTP/1.1 200 OK", List.of(), index.getBytes(StandardCharsets.UTF_8));
    byte[] script =
        http(
            "HTTP/1.1 200 OK",
            List.of("Content-Type: application/octet-stream"),
            "var a = 1; function f(x) { return x + a; } if (a == 1) { f(2); }"
                .repeat(10)
                .getBytes(StandardCharsets.UTF_8));
    byte[] json =
        http(
            "HTTP/1.1 200 OK",
            List.of(),
            "{\"name\": \"harbour\", \"boats\": 12}".getBytes(StandardCharsets.UTF_8));
    byte[] random = new byte[4096];
    new java.util.Random(7).nextBytes(random);
    byte[] binary =
        http("HTTP/1.1 200 OK", List.of("Content-Type: application/octet-stream"), random);
    Read read =
        readBytes(
            "untyped.warc",
            response("ftp://ftp.example.de/pub/INDEX.txt", "2024-05-01T10:00:00Z", prose),
            response("http://example.de/app", "2024-05-01T10:00:00Z", script),
            response("http://example.de/api", "2024-05-01T10:00:00Z", json),
            response("http://example.de/blob", "2024-05-01T10:00:00Z", binary));
    assertEquals(1, read.docs().size(), read.summary().line());
    assertTrue(read.only().text().contains("Keine weitere Information"), read.only().text());
    assertEquals(
        3L,
        read.summary().skipped().getOrDefault(Skip.NOT_HTML, 0L)
            + read.summary().skipped().getOrDefault(Skip.NOT_TEXT, 0L),
        read.summary().line());
  }

  @Test
  void aCaptureThatNamesNoUrlIsIndexedByItsPlaceInTheFile() throws Exception {
    // The last record of webarchive-commons' link-extraction-test.warc has no WARC-Target-URI.
    byte[] page =
        http(
            "HTTP/1.1 200 OK",
            List.of("Content-Type: text/html"),
            ArchiveFiles.page("Onclick links", "Click to load the harbour webcam page."));
    byte[] dns =
        ArchiveFiles.record(
            "WARC/1.0",
            "response",
            "dns:example.az",
            "2024-05-01T10:00:00Z",
            "20240501100000\nexample.az. 300 IN A 192.0.2.1".getBytes(StandardCharsets.UTF_8));
    Read read =
        readBytes(
            "no-uri.warc",
            response(null, "2024-05-01T10:00:00Z", page),
            response(null, "2024-05-02T10:00:00Z", page),
            dns);
    assertEquals(2, read.docs().size(), read.summary().line());
    assertEquals(1L, read.summary().skipped().get(Skip.NOT_A_PAGE), read.summary().line());
    CleanDocument first = read.docs().get(0);
    assertEquals("Onclick links", first.title());
    assertTrue(first.text().contains("harbour webcam"), first.text());
    assertEquals(Instant.parse("2024-05-01T10:00:00Z"), first.captureDate());
    // Each is addressed by its record, not by the archive file (which is no page).
    assertEquals(first.source(), first.url());
    assertTrue(first.url().startsWith("no-uri.warc#"), first.url());
    assertNotEquals(first.url(), read.docs().get(1).url());
  }

  @Test
  void revisitsWhoseOriginalIsInAnotherFileAreCounted() throws Exception {
    Path file =
        Fixtures.shared(
            "data/warc-samples/webarchive-discovery/gov.uk-revisit.BL-20140325122341434-00000-32090_opera_8443.warc.gz");
    Path copy = dir.resolve("corpus").resolve(file.getFileName().toString());
    Files.createDirectories(copy.getParent());
    Files.copy(file, copy);
    List<RevisitElsewhere> elsewhere = new ArrayList<>();
    ArchiveSummary summary =
        new SourceReader()
            .read(
                new Corpus(copy.getParent()).file(copy),
                new SourceReader.Sink() {
                  @Override
                  public void accept(RawDocument document) {}

                  @Override
                  public void revisitElsewhere(RevisitElsewhere revisit) {
                    elsewhere.add(revisit);
                  }
                });
    // 55 revisits: 27 of images, scripts and redirects (counted as such from the headers they
    // keep), 28 of pages, handed on for the reindex to find their captures in other files.
    assertEquals(28L, summary.skipped().get(Skip.REVISIT), summary.line());
    assertEquals(28, elsewhere.size());
    for (RevisitElsewhere r : elsewhere) {
      assertTrue(r.source().startsWith(r.file() + "#"), r.source());
      assertTrue(r.url().startsWith("http"), r.url());
      assertFalse(r.wanted().isEmpty(), r.toString());
    }
    assertTrue(summary.intact(), summary.line());
  }

  @Test
  void aBinaryPayloadClaimingHtmlIsNotText() throws Exception {
    byte[] png = {
      (byte) 0x89,
      'P',
      'N',
      'G',
      '\r',
      '\n',
      0x1A,
      '\n',
      0,
      0,
      0,
      13,
      'I',
      'H',
      'D',
      'R',
      0,
      0,
      1,
      0
    };
    Read read =
        readBytes(
            "binary.warc",
            response(
                "http://example.az/img",
                "2024-05-01T10:00:00Z",
                http("HTTP/1.1 200 OK", List.of("Content-Type: text/html"), png)));
    assertTrue(read.docs().isEmpty());
    assertEquals(Map.of(Skip.NOT_TEXT, 1L), read.summary().skipped());
  }

  @Test
  void theDocumentUrlIsTheCapturedUrlAndTheCanonicalLinkIsKeptApart() throws Exception {
    CleanDocument doc = read(Fixtures.shippedCorpus().resolve("warc/jwarc-cc.warc.gz")).only();
    assertEquals("http://commoncrawl.org/", doc.url());
    assertEquals("https://commoncrawl.org/", doc.canonicalUrl());
    assertEquals("commoncrawl.org", doc.site());
  }

  @Test
  void aLooseHtmlFileStillTakesItsCanonicalLinkAsUrl() throws Exception {
    Path file =
        Fixtures.write(
            dir,
            "loose/page.html",
            "<html><head><link rel=canonical href=\"https://example.az/page\"></head><body><p>Text.</p></body></html>");
    List<CleanDocument> docs = new ArrayList<>();
    new SourceReader()
        .read(new Corpus(dir.resolve("loose")).file(file), raw -> docs.add(cleaner.clean(raw)));
    assertEquals("https://example.az/page", docs.get(0).url());
    assertEquals("https://example.az/page", docs.get(0).canonicalUrl());
  }

  @Test
  void aTruncatedDateIsReadAsFarAsItGoes() throws Exception {
    Path file = Fixtures.shared("data/warc-samples/webarchive-discovery/truncated_datetime.warc");
    CleanDocument doc = read(file).only();
    assertEquals(Instant.parse("2019-08-15T01:02:00Z"), doc.captureDate());
  }

  @Test
  void aFileWithoutAnyRecordIsNotAnArchive() throws Exception {
    Path fake =
        ArchiveFiles.write(
            dir, "fake.warc", "this is not an archive\n".getBytes(StandardCharsets.US_ASCII));
    IngestException e =
        org.junit.jupiter.api.Assertions.assertThrows(IngestException.class, () -> read(fake));
    assertTrue(e.getMessage().contains("not a readable WARC or ARC file"), e.getMessage());
  }

  @Test
  void theRawViewFindsARecordInsideAMemberOfSeveral() throws Exception {
    Path file = ArchiveFiles.sample("warcio-example-wrong-chunks.warc.gz");
    Read read = read(file);
    String source = read.only().source();
    long offset = Long.parseLong(source.substring(source.indexOf('#') + 1));
    byte[] block =
        WarcRecords.blockAt(dir.resolve("corpus").resolve(file.getFileName()), offset)
            .orElseThrow();
    assertTrue(new String(block, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200 OK"));
    Path multi = Fixtures.shippedCorpus().resolve("warc/warcio-example.warc.gz");
    Read revisits = read(multi);
    for (CleanDocument doc : revisits.docs()) {
      long at = Long.parseLong(doc.source().substring(doc.source().indexOf('#') + 1));
      assertTrue(WarcRecords.blockAt(multi, at).isPresent(), doc.source());
    }
    assertNull(WarcRecords.blockAt(multi, 5).orElse(null));
  }
}
