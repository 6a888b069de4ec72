package org.sandiq.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Two crawls of one site by a deduplicating crawler, written with jwarc as such a crawler writes
 * them: the first captures a page and a style sheet; the second finds both unchanged and writes
 * revisit records that point at the first crawl's captures (by record id, URL and date, and payload
 * digest), plus a revisit of a page whose capture is in no file of the corpus.
 */
public final class DedupCrawls {
  /** The page both crawls saw; a word of its text that no other text has. */
  public static final String PAGE = "http://harbour.example/news";

  public static final String WORD = "lighthousekeepers";
  public static final Instant FIRST = Instant.parse("2023-04-01T09:00:00Z");
  public static final Instant SECOND = Instant.parse("2024-04-01T09:00:00Z");

  private static final UUID PAGE_RECORD = UUID.nameUUIDFromBytes("page".getBytes());
  private static final UUID STYLE_RECORD = UUID.nameUUIDFromBytes("style".getBytes());

  private DedupCrawls() {}

  /** The first crawl: the page and its style sheet, as full captures. */
  public static Path writeFirst(Path corpus, String relative) throws IOException {
    byte[] page =
        ("<!doctype html><html lang=en><head><title>Harbour news</title></head><body><article>"
                + "<p>The "
                + WORD
                + " of the northern pier logged the storm, the ferries and the fishing boats"
                + " that came in early, and the harbour master closed the gates at dusk.</p>"
                + "</article></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    byte[] style = "body { color: navy }".getBytes(StandardCharsets.UTF_8);
    return write(
        corpus,
        relative,
        response(PAGE, PAGE_RECORD, "text/html; charset=utf-8", page),
        response("http://harbour.example/site.css", STYLE_RECORD, "text/css", style));
  }

  /** The second crawl: revisits of the first crawl's page and style sheet, and of a lost page. */
  public static Path writeSecond(Path corpus, String relative) throws IOException {
    return write(
        corpus,
        relative,
        revisit(PAGE, PAGE_RECORD, "text/html; charset=utf-8", "sha1:PAGEPAYLOADDIGEST"),
        revisit("http://harbour.example/site.css", STYLE_RECORD, "text/css", "sha1:STYLEDIGEST"),
        revisit(
            "http://harbour.example/gone",
            UUID.nameUUIDFromBytes("gone".getBytes()),
            "text/html",
            "sha1:GONEDIGEST"));
  }

  private static WarcRecord response(String url, UUID id, String type, byte[] body)
      throws IOException {
    byte[] head =
        ("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length)
            .concat("\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] block = new byte[head.length + body.length];
    System.arraycopy(head, 0, block, 0, head.length);
    System.arraycopy(body, 0, block, head.length, body.length);
    return new WarcResponse.Builder(URI.create(url))
        .recordId(id)
        .date(FIRST)
        .payloadDigest(CaptureArchive.sha1(body))
        .body(MediaType.HTTP_RESPONSE, block)
        .build();
  }

  /** A revisit as wget writes one: the original's record id, URL and date, and the digest. */
  private static WarcRecord revisit(String url, UUID original, String type, String digest)
      throws IOException {
    return new WarcRevisit.Builder(URI.create(url), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
        .date(SECOND)
        .refersTo(original, URI.create(url), FIRST)
        .addHeader("WARC-Payload-Digest", digest)
        .body(new HttpResponse.Builder(200, "OK").addHeader("Content-Type", type).build())
        .build();
  }

  private static Path write(Path corpus, String relative, WarcRecord... records)
      throws IOException {
    Path file = corpus.resolve(relative);
    try (WarcWriter writer = CaptureArchive.gzipWriter(file)) {
      for (WarcRecord record : records) {
        writer.write(record);
      }
    }
    return file;
  }
}
