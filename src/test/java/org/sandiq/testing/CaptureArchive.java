package org.sandiq.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * A small web archive with several captures per URL, written with jwarc (as a crawler would, block
 * and payload digests included): three captures of {@code example.org/news/a} (2019, 2020, 2021),
 * one of {@code example.org/news/b} (2020) and one of {@code other.org/} (2018), each page's text
 * different, all about lighthouses so one query finds them all.
 */
public final class CaptureArchive {
  /** A capture: its URL, WARC-Date and the page's title and paragraph. */
  public record Capture(String url, String date, String title, String text) {}

  public static final List<Capture> CAPTURES =
      List.of(
          new Capture(
              "http://example.org/news/a",
              "2019-03-10T08:00:00Z",
              "Lighthouse keepers, first report",
              "The lighthouse keepers of the northern coast wrote their first report about the"
                  + " winter storms, the lamps, the oil and the long nights on the rocks."),
          new Capture(
              "https://www.example.org/news/a/",
              "2020-06-01T12:30:00Z",
              "Lighthouse keepers, second report",
              "A year later the lighthouse keepers described the new electric lamps, the fog"
                  + " horn and the visitors who came by boat every summer weekend."),
          new Capture(
              "http://example.org/news/a",
              "2021-01-05T17:45:00Z",
              "Lighthouse keepers, last report",
              "The last lighthouse keepers left the island when the light was automated; the"
                  + " report lists the tools, the logbooks and the garden they leave behind."),
          new Capture(
              "http://example.org/news/b",
              "2020-07-02T09:15:00Z",
              "Lighthouse museum opens",
              "The old lighthouse became a museum: its rooms show the lenses, the keepers'"
                  + " kitchen and photographs of ships that passed the cape in the storms."),
          new Capture(
              "http://other.org/",
              "2018-11-20T10:00:00Z",
              "Lighthouses of the world",
              "A catalogue of lighthouses of the world, from the tall towers of the Atlantic"
                  + " coast to the small harbour lights of the inland seas and lakes."));

  private CaptureArchive() {}

  /** Writes the archive to {@code corpus/relative} (gzip per record). */
  public static Path write(Path corpus, String relative) throws Exception {
    Path file = corpus.resolve(relative);
    try (WarcWriter writer = gzipWriter(file)) {
      for (Capture c : CAPTURES) {
        byte[] body =
            ("<!doctype html><html lang=\"en\"><head><title>"
                    + c.title()
                    + "</title></head><body><article><h1>"
                    + c.title()
                    + "</h1><p>"
                    + c.text()
                    + "</p><p>"
                    + c.text()
                    + "</p></article></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] head =
            ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                    + body.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] block = new byte[head.length + body.length];
        System.arraycopy(head, 0, block, 0, head.length);
        System.arraycopy(body, 0, block, head.length, body.length);
        writer.write(
            new WarcResponse.Builder(URI.create(c.url()))
                .date(Instant.parse(c.date()))
                .blockDigest(sha1(block))
                .payloadDigest(sha1(body))
                .body(MediaType.HTTP_RESPONSE, block)
                .build());
      }
    }
    return file;
  }

  /** A writer of a new gzipped WARC file at {@code file} (its folders made). */
  static WarcWriter gzipWriter(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return new WarcWriter(
        java.nio.channels.FileChannel.open(
            file,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.WRITE,
            java.nio.file.StandardOpenOption.TRUNCATE_EXISTING),
        WarcCompression.GZIP);
  }

  /** The SHA-1 digest of {@code bytes}, as a WARC digest header holds it. */
  static WarcDigest sha1(byte[] bytes) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-1");
      md.update(bytes);
      return new WarcDigest(md);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IOException(e);
    }
  }
}
