package org.sandiq.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Builds minimal web archives of the shapes real crawlers write, byte for byte, for quirks that no
 * public sample file has (WARC/0.18, lying HTTP headers, misspelt charsets …), and finds the copied
 * sample files of the test resources.
 */
final class ArchiveFiles {
  private ArchiveFiles() {}

  /** A copied sample file ({@code archives/NAME} in the test resources; see SOURCE.md there). */
  static Path sample(String name) {
    try {
      return Path.of(ArchiveFiles.class.getResource("archives/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("test resource archives/" + name + " is missing", e);
    }
  }

  /** An HTTP response: a status line, header lines and the body, as a crawler stores it. */
  static byte[] http(String status, List<String> headers, byte[] body) {
    StringBuilder head = new StringBuilder(status).append("\r\n");
    headers.forEach(h -> head.append(h).append("\r\n"));
    head.append("\r\n");
    return concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), body);
  }

  /** A WARC record of {@code version} ({@code WARC/1.0}, {@code WARC/0.18}). */
  static byte[] record(
      String version, String type, String uri, String date, byte[] block, String... moreHeaders) {
    List<String> lines = new ArrayList<>();
    lines.add(version);
    lines.add("WARC-Type: " + type);
    if (uri != null) {
      lines.add("WARC-Target-URI: " + uri);
    }
    lines.add("WARC-Date: " + date);
    lines.add(
        "WARC-Record-ID: <urn:uuid:"
            + java.util.UUID.nameUUIDFromBytes(
                concat((uri + date + type).getBytes(StandardCharsets.UTF_8), block))
            + ">");
    if (type.equals("response") || type.equals("revisit")) {
      lines.add("Content-Type: application/http; msgtype=response");
    }
    lines.addAll(List.of(moreHeaders));
    lines.add("Content-Length: " + block.length);
    String head = String.join("\r\n", lines) + "\r\n\r\n";
    return concat(
        head.getBytes(StandardCharsets.UTF_8),
        block,
        "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  /** A WARC/1.0 response record for {@code uri} holding {@code http}. */
  static byte[] response(String uri, String date, byte[] http, String... moreHeaders) {
    return record("WARC/1.0", "response", uri, date, http, moreHeaders);
  }

  /** A simple page with {@code text} in a paragraph. */
  static byte[] page(String title, String text) {
    return ("<!doctype html><html><head><title>"
            + title
            + "</title></head><body><article><p>"
            + text
            + "</p></article></body></html>")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** {@code bytes} as one gzip member. */
  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static Path write(Path dir, String name, byte[]... parts) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.write(file, concat(parts));
  }
}
