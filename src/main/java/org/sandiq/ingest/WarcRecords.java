package org.sandiq.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads the documents of a WARC file with jwarc: successful HTTP responses and resource records
 * whose payload is HTML or plain text. Requests, metadata, revisits and non-text payloads are
 * passed over. Each document's source is {@code path#offset}, the record's byte offset in the file.
 */
final class WarcRecords {
  /** Payloads larger than this are cut: the start of a page is what is searchable anyway. */
  static final int MAX_PAYLOAD_BYTES = 32 << 20;

  private WarcRecords() {}

  static void read(CorpusFile file, SourceReader.Sink sink) throws IngestException, IOException {
    long offset = 0;
    int records = 0;
    try (WarcReader reader = new WarcReader(file.path())) {
      while (true) {
        offset = reader.position();
        var next = reader.next();
        if (next.isEmpty()) {
          break;
        }
        records++;
        offset = next.get().position();
        RawDocument doc = toDocument(file, next.get(), offset);
        if (doc != null) {
          sink.accept(doc);
        }
      }
    } catch (IngestException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new IngestException(
          records == 0
              ? "not a readable WARC file: " + why
              : "damaged WARC record at offset " + offset + ": " + why,
          e);
    }
    if (records == 0) {
      throw new IngestException("no WARC records in file");
    }
  }

  private static RawDocument toDocument(CorpusFile file, WarcRecord record, long offset)
      throws IOException {
    MediaType type;
    MessageBody body;
    String url;
    if (record instanceof WarcResponse response) {
      if (!response.contentType().base().equals(MediaType.HTTP)) {
        return null;
      }
      HttpResponse http = response.http();
      if (http.status() < 200 || http.status() >= 300) {
        return null;
      }
      type = http.contentType();
      body = http.bodyDecoded();
      url = response.target();
    } else if (record instanceof WarcResource resource) {
      type = resource.contentType();
      body = resource.body();
      url = resource.target();
    } else {
      return null;
    }
    SourceFormat format = formatOf(type);
    if (format == null) {
      return null;
    }
    byte[] bytes = readCapped(body.stream());
    if (bytes.length == 0) {
      return null;
    }
    String charset = type.parameters().get("charset");
    return new RawDocument(
        file.relativePath() + "#" + offset, url, record.date(), format, bytes, charset);
  }

  /** The content block of the record at {@code offset}, capped, or empty when there is none. */
  static java.util.Optional<byte[]> blockAt(java.nio.file.Path file, long offset)
      throws IOException {
    try (WarcReader reader = new WarcReader(file)) {
      reader.position(offset);
      var record = reader.next();
      if (record.isEmpty() || record.get().position() != offset) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(readCapped(record.get().body().stream()));
    }
  }

  private static SourceFormat formatOf(MediaType type) {
    String base = type.base().toString().toLowerCase(Locale.ROOT);
    return switch (base) {
      case "text/html", "application/xhtml+xml" -> SourceFormat.HTML;
      case "text/plain" -> SourceFormat.TEXT;
      default -> null;
    };
  }

  private static byte[] readCapped(InputStream in) throws IOException {
    return in.readNBytes(MAX_PAYLOAD_BYTES);
  }
}
