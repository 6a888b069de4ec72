package org.sandiq.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Reads back every record of the crawl's WARC files with jwarc, checking on the way what must hold
 * for every record: WARC/1.1, a warcinfo first in each file, payload digests that match the
 * payload, requests and responses that name each other as concurrent.
 */
final class ArchivedRecords {
  /** One response or revisit, as read back. */
  record Capture(
      String type, String url, int status, String ip, boolean truncated, int payloadBytes) {}

  final List<Capture> captures = new ArrayList<>();
  final List<Path> files;
  int requests;

  private ArchivedRecords(List<Path> files) {
    this.files = files;
  }

  static ArchivedRecords read(Path dir) throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".warc.gz")).sorted().toList();
    }
    ArchivedRecords archived = new ArchivedRecords(files);
    for (Path file : files) {
      archived.readFile(file);
    }
    return archived;
  }

  private void readFile(Path file) throws Exception {
    List<URI> requestsPointTo = new ArrayList<>();
    List<URI> responseIds = new ArrayList<>();
    try (WarcReader reader = new WarcReader(file)) {
      boolean first = true;
      for (WarcRecord record : reader) {
        assertEquals(MessageVersion.WARC_1_1, record.version(), file + ": " + record);
        if (first) {
          assertTrue(record instanceof Warcinfo, file + " starts with " + record.type());
          first = false;
          continue;
        }
        if (record instanceof WarcRequest request) {
          requests++;
          assertEquals(1, request.concurrentTo().size());
          requestsPointTo.add(request.concurrentTo().get(0));
          assertTrue(request.ipAddress().isPresent(), "WARC-IP-Address on " + request.target());
          assertTrue(request.http().target().startsWith("/"));
        } else if (record instanceof WarcResponse || record instanceof WarcRevisit) {
          WarcCaptureRecord capture = (WarcCaptureRecord) record;
          responseIds.add(record.id());
          assertEquals(1, capture.concurrentTo().size());
          HttpResponse http =
              record instanceof WarcResponse r ? r.http() : ((WarcRevisit) record).http();
          byte[] payload;
          try (InputStream in = http.body().stream()) {
            payload = in.readAllBytes();
          }
          WarcDigest digest = capture.payloadDigest().orElseThrow();
          if (record instanceof WarcResponse) {
            WarcDigest actual =
                new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(payload));
            assertEquals(actual.base32(), digest.base32(), "payload digest of " + capture.target());
          }
          captures.add(
              new Capture(
                  record.type(),
                  capture.target(),
                  http.status(),
                  capture.ipAddress().map(a -> a.getHostAddress()).orElse(null),
                  record.truncated() == WarcTruncationReason.LENGTH,
                  payload.length));
        }
      }
    } catch (IOException e) {
      throw new AssertionError(file + " is not a whole WARC file: " + e, e);
    }
    assertEquals(responseIds.size(), requestsPointTo.size(), file + ": requests vs responses");
    assertTrue(responseIds.containsAll(requestsPointTo), file + ": concurrent-to links");
  }

  List<String> urls() {
    return captures.stream().map(Capture::url).toList();
  }

  Capture capture(String url) {
    return captures.stream()
        .filter(c -> c.url().equals(url))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no capture of " + url + " in " + urls()));
  }
}
