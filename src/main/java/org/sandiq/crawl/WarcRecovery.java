package org.sandiq.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * Makes the WARC files of a killed crawl whole again before it resumes. For each crawl file longer
 * than the journal says is complete, it reads the records past that point: whole responses and
 * revisits (written, but not yet in the journal) are handed back so the crawler records them
 * without fetching again; a torn record at the end, and a request whose response never made it, are
 * cut off. A file left with nothing is removed.
 */
final class WarcRecovery {
  private WarcRecovery() {}

  /** An exchange found complete in a WARC file but missing from the journal. */
  record Recovered(Exchange exchange, WarcArchive.Stored stored, boolean revisit) {}

  /** Trims the crawl files in {@code dir} and returns what was archived past the journal. */
  static List<Recovered> recover(Path dir, Map<String, Long> complete) throws IOException {
    List<Recovered> found = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return found;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, WarcArchive.PREFIX + "*")) {
      stream.forEach(files::add);
    }
    files.sort(null);
    for (Path file : files) {
      long known = complete.getOrDefault(file.getFileName().toString(), 0L);
      if (Files.size(file) > known) {
        recoverFile(file, known, found);
      }
    }
    return found;
  }

  private static void recoverFile(Path file, long known, List<Recovered> found) throws IOException {
    long size = Files.size(file);
    long keep = 0;
    long tentative = -1;
    Recovered tentativeFound = null;
    List<Recovered> pending = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        WarcReader reader = new WarcReader(channel)) {
      WarcRecord previous = null;
      Recovered previousFound = null;
      while (true) {
        Optional<WarcRecord> next;
        try {
          next = reader.next();
        } catch (IOException | RuntimeException e) {
          // Either the previous record is torn or the next one is: where the reader stopped is
          // the previous record's end in the second case; verified below by reading back.
          long end = reader.position();
          if (previous != null && !(previous instanceof WarcRequest) && end > previous.position()) {
            tentative = end;
            tentativeFound = previousFound == null ? null : withEnd(previousFound, end);
          }
          break;
        }
        if (previous != null) {
          long end = next.map(WarcRecord::position).orElse(size);
          if (!(previous instanceof WarcRequest)) {
            keep = end;
            if (previousFound != null) {
              pending.add(withEnd(previousFound, end));
            }
          }
        }
        if (next.isEmpty()) {
          break;
        }
        previous = next.get();
        previousFound = null;
        try {
          if (previous.position() >= known) {
            previousFound = read(previous, file);
          } else {
            previous.body().consume();
          }
        } catch (IOException | RuntimeException e) {
          break;
        }
      }
    } catch (IOException e) {
      keep = Math.min(keep, size); // unreadable from the start: keep only what the journal knew
    }
    keep = Math.max(keep, known);
    if (tentative > keep) {
      truncate(file, tentative);
      if (readsWhole(file)) {
        keep = tentative;
        if (tentativeFound != null) {
          pending.add(tentativeFound);
        }
      }
    }
    found.addAll(pending);
    if (keep == 0) {
      Files.delete(file);
    } else if (keep < Files.size(file)) {
      truncate(file, keep);
    }
  }

  private static void truncate(Path file, long length) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(length);
    }
  }

  /** Whether every record of {@code file} reads to its end. */
  private static boolean readsWhole(Path file) {
    try (WarcReader reader = new WarcReader(file)) {
      for (WarcRecord record : reader) {
        record.body().consume();
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static Recovered withEnd(Recovered r, long end) {
    WarcArchive.Stored s = r.stored();
    return new Recovered(
        r.exchange(),
        new WarcArchive.Stored(s.file(), end, s.responseId(), s.date(), s.payloadDigest()),
        r.revisit());
  }

  private static Recovered read(WarcRecord record, Path file) throws IOException {
    if (!(record instanceof WarcResponse) && !(record instanceof WarcRevisit)) {
      record.body().consume();
      return null;
    }
    WarcCaptureRecord capture = (WarcCaptureRecord) record;
    HttpResponse http = record instanceof WarcResponse r ? r.http() : ((WarcRevisit) record).http();
    byte[] body;
    try (InputStream in = http.body().stream()) {
      body = in.readAllBytes();
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    http.headers().map().forEach((k, vs) -> vs.forEach(v -> headers.add(Map.entry(k, v))));
    Exchange exchange =
        new Exchange(
            capture.target(),
            capture.ipAddress().orElse(null),
            record.date(),
            List.of(),
            http.status(),
            headers,
            body,
            record.truncated() != WarcTruncationReason.NOT_TRUNCATED);
    String digest =
        capture
            .payloadDigest()
            .map(d -> d.prefixedBase32())
            .orElse(WarcArchive.payloadDigest(body));
    return new Recovered(
        exchange,
        new WarcArchive.Stored(
            file.getFileName().toString(), -1, record.id(), record.date(), digest),
        record instanceof WarcRevisit);
  }
}
