package org.sandiq.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import org.sandiq.ingest.ArchiveSummary.Skip;

/**
 * What the records of a web archive captured, read as {@link WarcRecords} needs them: the HTTP
 * status, type and payload of a response or resource record, read only as far as needed to tell
 * that it is no page (an image's payload is never held), and a revisit's kept HTTP headers. What is
 * no page is counted in the archive's tally with why.
 */
final class Captures {
  /** Payloads larger than this are cut: the start of a page is what is searchable anyway. */
  static final int MAX_PAYLOAD_BYTES = 32 << 20;

  /** How much of a block is read to see what it holds before it is read whole. */
  private static final int PEEK_BYTES = 64 << 10;

  private final ArchiveSummary.Tally tally;

  /** Reads captures for an archive whose skipped records {@code tally} counts. */
  Captures(ArchiveSummary.Tally tally) {
    this.tally = tally;
  }

  /** What a response or resource record captured: a status, a type and the payload bytes. */
  record Capture(int status, String contentType, byte[] payload, String damage) {}

  /**
   * Reads the capture in {@code block}, or counts why there is none to read (a type that is no page
   * is known from the headers, so the payload of an image is never held in memory).
   */
  Capture read(RecordHeader header, InputStream block) throws IOException {
    byte[] head = block.readNBytes(PEEK_BYTES);
    boolean http =
        startsWithHttp(head)
            && (header.isArc()
                || header.contentType() == null
                || header.contentType().toLowerCase(Locale.ROOT).startsWith("application/http"));
    if (http) {
      HttpPayload peek =
          HttpPayload.parse(head, head.length < PEEK_BYTES ? MAX_PAYLOAD_BYTES : PEEK_BYTES);
      if (!isSuccess(peek.status())) {
        tally.skip(Skip.HTTP_STATUS);
        return null;
      }
      if (!PayloadTypes.maybeText(PayloadTypes.mediaType(peek.contentType()))) {
        tally.skip(Skip.NOT_HTML);
        return null;
      }
      HttpPayload response =
          head.length < PEEK_BYTES
              ? peek // the whole block was in the peek
              : HttpPayload.parse(concat(head, block), MAX_PAYLOAD_BYTES);
      return new Capture(
          response.status(), response.contentType(), response.payload(), response.damage());
    }
    if (header.contentType() != null
        && header.contentType().toLowerCase(Locale.ROOT).startsWith("application/http")) {
      // Says HTTP, holds no status line: a capture too damaged to read.
      tally.skip(Skip.NOT_A_PAGE);
      return null;
    }
    if (!PayloadTypes.maybeText(PayloadTypes.mediaType(header.contentType()))) {
      tally.skip(Skip.NOT_HTML);
      return null;
    }
    byte[] whole = head.length < PEEK_BYTES ? head : concat(head, block);
    return new Capture(0, header.contentType(), whole, null);
  }

  /** The format to read a capture as, or null (counted) when it is no document. */
  SourceFormat check(Capture capture) {
    if (PayloadTypes.isBlank(capture.payload())) {
      tally.skip(Skip.EMPTY);
      return null;
    }
    SourceFormat format =
        PayloadTypes.formatOf(PayloadTypes.mediaType(capture.contentType()), capture.payload());
    if (format == null) {
      tally.skip(Skip.NOT_HTML);
      return null;
    }
    if (TextDecoder.looksBinary(capture.payload())) {
      tally.skip(Skip.NOT_TEXT);
      return null;
    }
    return format;
  }

  /**
   * Whether a revisit may repeat a page, by the HTTP headers it holds (a revisit keeps the
   * response's headers, without the payload): an image's, a style sheet's or a redirect's revisit
   * is counted as what its capture would have been, and never waits for that capture.
   */
  boolean repeatsAPage(InputStream block) throws IOException {
    byte[] head = block.readNBytes(PEEK_BYTES);
    if (!startsWithHttp(head)) {
      return true; // no headers kept: only the capture can tell
    }
    HttpPayload headers = HttpPayload.parse(head, PEEK_BYTES);
    // 304: the "server-not-modified" profile, whose capture is the page as it was.
    if (!isSuccess(headers.status()) && headers.status() != 304) {
      tally.skip(Skip.HTTP_STATUS);
      return false;
    }
    if (headers.contentType() != null
        && !PayloadTypes.maybeText(PayloadTypes.mediaType(headers.contentType()))) {
      tally.skip(Skip.NOT_HTML);
      return false;
    }
    return true;
  }

  /**
   * The capture at {@code offset} of {@code archive} as read for a document, or null when that
   * record is no page (or no longer there).
   */
  Capture captureAt(Path archive, long offset) throws IOException, IngestException {
    Capture[] capture = new Capture[1];
    ArchiveReader.readAt(
        archive,
        offset,
        new ArchiveReader.Handler() {
          @Override
          public void record(RecordHeader at, InputStream block) throws IOException {
            if (at.offset() == offset) {
              capture[0] = read(at, block);
            }
          }

          @Override
          public void damaged(long at, String reason) {}
        });
    return capture[0];
  }

  private static boolean startsWithHttp(byte[] head) {
    int i = 0;
    while (i < head.length && (head[i] == '\r' || head[i] == '\n' || head[i] == ' ')) {
      i++;
    }
    return head.length - i >= 5
        && new String(head, i, 5, java.nio.charset.StandardCharsets.ISO_8859_1)
            .equalsIgnoreCase("HTTP/");
  }

  private static boolean isSuccess(int status) {
    return status == 0 || (status >= 200 && status < 300); // 0: a status line without a number
  }

  private static byte[] concat(byte[] head, InputStream rest) throws IOException {
    byte[] tail = rest.readNBytes(MAX_PAYLOAD_BYTES + PEEK_BYTES - head.length);
    byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
