package org.sandiq.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records written by {@link WarcArchive} read back whole, whatever the response looked like. */
class WarcArchiveTest {
  @TempDir Path dir;

  static Exchange exchange(
      String url, int status, List<Map.Entry<String, String>> headers, String body)
      throws Exception {
    return new Exchange(
        url,
        InetAddress.getByName("192.0.2.7"),
        Instant.parse("2026-01-02T03:04:05Z"),
        List.of(Map.entry("User-Agent", "SandiqBot/0.1")),
        status,
        headers,
        body.getBytes(StandardCharsets.UTF_8),
        false);
  }

  @Test
  void responsesWithAndWithoutContentTypeReadBack() throws Exception {
    try (WarcArchive archive = new WarcArchive(dir, 1 << 20, "test")) {
      archive.writeResponse(
          exchange(
              "http://example.org/a",
              200,
              List.of(Map.entry("Content-Type", "text/html; charset=utf-8")),
              "<p>hello</p>"));
      archive.writeResponse(exchange("http://example.org/b", 204, List.of(), ""));
      archive.writeResponse(
          exchange("http://example.org/c", 302, List.of(Map.entry("Location", "/a")), "moved"));
    }
    ArchivedRecords archived = ArchivedRecords.read(dir);
    assertEquals(
        List.of("http://example.org/a", "http://example.org/b", "http://example.org/c"),
        archived.urls());
    assertEquals("192.0.2.7", archived.capture("http://example.org/a").ip());
    assertEquals(12, archived.capture("http://example.org/a").payloadBytes());
    assertEquals(5, archived.capture("http://example.org/c").payloadBytes());
    assertEquals(3, archived.requests);
    assertTrue(archived.files.size() == 1);
  }
}
