package org.sandiq.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sandiq.ingest.ArchiveSummary.Skip;

/**
 * Reads the documents of a web archive, WARC or ARC: successful HTTP responses and resource records
 * whose payload is HTML or plain text, and revisits of such responses found in the same file,
 * before or after them (a revisit is a capture of the original page at its own date). Each
 * document's source is {@code path#offset}, the record's address in the file; its URL is the
 * captured URL.
 *
 * <p>Every record is counted in the file's {@link ArchiveSummary}: a document, or skipped and why.
 * Damage is reported with its offset and reading goes on at the next record ({@link
 * ArchiveReader}).
 */
final class WarcRecords {
  /** Payloads larger than this are cut: the start of a page is what is searchable anyway. */
  static final int MAX_PAYLOAD_BYTES = 32 << 20;

  /** How much of a block is read to see what it holds before it is read whole. */
  private static final int PEEK_BYTES = 64 << 10;

  private final CorpusFile file;
  private final SourceReader.Sink sink;
  private final ArchiveSummary.Tally tally = new ArchiveSummary.Tally();

  /** Captures that became documents, by what a revisit may name them with: their offsets. */
  private final Map<String, Long> originals = new HashMap<>();

  /**
   * Revisits read before the capture they repeat, looked up again at the file's end (a Sandiq
   * export lists records in index order); at most {@link #MAX_PENDING_REVISITS}, past which a
   * revisit not yet resolvable is counted at once, so a file of revisits of other files' captures
   * (a deduplicating crawl) holds no more memory than that.
   */
  private final List<RecordHeader> pending = new ArrayList<>();

  static final int MAX_PENDING_REVISITS = 10_000;

  private WarcRecords(CorpusFile file, SourceReader.Sink sink) {
    this.file = file;
    this.sink = sink;
  }

  /**
   * Reads {@code file}, handing each document to {@code sink} as soon as it is read.
   *
   * @throws IngestException when the file holds no WARC or ARC record at all
   */
  static ArchiveSummary read(CorpusFile file, SourceReader.Sink sink)
      throws IngestException, IOException {
    WarcRecords records = new WarcRecords(file, sink);
    ArchiveReader.read(
        file.path(),
        new ArchiveReader.Handler() {
          @Override
          public void record(RecordHeader header, InputStream block)
              throws IOException, IngestException {
            records.tally.record();
            records.record(header, block);
          }

          @Override
          public void damaged(long offset, String reason) {
            records.tally.damaged(offset, reason);
          }
        });
    records.resolvePending();
    ArchiveSummary summary = records.tally.summary();
    if (summary.records() == 0) {
      String why = summary.damage().isEmpty() ? "empty file" : summary.damage().get(0).reason();
      throw new IngestException("not a readable WARC or ARC file: " + why);
    }
    return summary;
  }

  /** The content block of the record at {@code offset}, capped, or empty when there is none. */
  static Optional<byte[]> blockAt(Path file, long offset) throws IOException {
    byte[][] found = new byte[1][];
    try {
      ArchiveReader.readAt(
          file,
          offset,
          new ArchiveReader.Handler() {
            @Override
            public void record(RecordHeader header, InputStream block) throws IOException {
              if (header.offset() == offset) {
                found[0] = block.readNBytes(MAX_PAYLOAD_BYTES);
              }
            }

            @Override
            public void damaged(long at, String reason) {}
          });
    } catch (IngestException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(found[0]);
  }

  private void record(RecordHeader header, InputStream block) throws IOException, IngestException {
    switch (header.type()) {
      case "response", "resource" -> capture(header, block);
      case "revisit" -> revisit(header);
      default -> tally.skip(Skip.NOT_A_PAGE);
    }
  }

  /** What a response or resource record captured: a status, a type and the payload bytes. */
  private record Capture(int status, String contentType, byte[] payload, String damage) {}

  private void capture(RecordHeader header, InputStream block) throws IOException, IngestException {
    String url = header.targetUri();
    // A loose file or JSON line of a Sandiq export: its corpus path is its address, as it was in
    // the index it came from, and it was never captured (the record's date is the export's).
    String exported = WarcExport.exportedPath(url);
    // A capture that names no URL (the format requires one; some tools leave it out) is still a
    // page to find: it is indexed by its place in the file, without an address.
    if (exported == null && url != null && !PayloadTypes.isPageUrl(url)) {
      tally.skip(Skip.NOT_A_PAGE); // DNS lookups, ARC file descriptions, crawler logs
      return;
    }
    boolean jsonLine =
        exported != null && PayloadTypes.mediaType(header.contentType()).equals("application/json");
    Capture capture =
        jsonLine
            ? new Capture(0, null, block.readNBytes(MAX_PAYLOAD_BYTES), null)
            : read(header, block);
    if (capture == null) {
      return;
    }
    if (capture.damage() != null) {
      tally.damaged(header.offset(), capture.damage());
    }
    SourceFormat format = jsonLine ? SourceFormat.JSONL : check(capture);
    if (format == null) {
      return;
    }
    remember(header);
    if (exported != null) {
      hand(header, exported, null, capture, format);
    } else {
      hand(header, url, header.date(), capture, format);
    }
  }

  /**
   * Reads the capture in {@code block}, or counts why there is none to read (a type that is no page
   * is known from the headers, so the payload of an image is never held in memory).
   */
  private Capture read(RecordHeader header, InputStream block) throws IOException {
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
  private SourceFormat check(Capture capture) {
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

  private void hand(
      RecordHeader header, String url, Instant date, Capture capture, SourceFormat format)
      throws IOException, IngestException {
    tally.document();
    sink.accept(
        new RawDocument(
            file.relativePath() + "#" + header.offset(),
            url,
            date,
            format,
            capture.payload(),
            PayloadTypes.charsetOf(capture.contentType())));
  }

  /** Notes how revisits may name this capture: record id, URL and date, payload digest. */
  private void remember(RecordHeader header) {
    Long offset = header.offset();
    String id = header.field("WARC-Record-ID");
    if (id != null) {
      originals.putIfAbsent("id " + id, offset);
    }
    if (header.date() != null && header.targetUri() != null) {
      originals.putIfAbsent("at " + header.targetUri() + " " + header.date(), offset);
    }
    String digest = header.field("WARC-Payload-Digest");
    if (digest != null) {
      originals.putIfAbsent("digest " + digest.toUpperCase(Locale.ROOT), offset);
    }
  }

  /**
   * A revisit: a capture of a page the crawler found unchanged, stored without its payload. When
   * the capture it repeats is in this file (read already, or by the file's end), it becomes a
   * document with that payload, its own URL and its own date; otherwise it is counted as a revisit.
   */
  private void revisit(RecordHeader header) throws IOException, IngestException {
    Long original = originalOf(header);
    if (original == null && header.targetUri() != null && pending.size() < MAX_PENDING_REVISITS) {
      pending.add(header);
      return;
    }
    handRevisit(header, original);
  }

  /** The revisits whose capture came after them, now that the whole file has been read. */
  private void resolvePending() throws IOException, IngestException {
    for (RecordHeader header : pending) {
      handRevisit(header, originalOf(header));
    }
    pending.clear();
  }

  /** The offset of the capture {@code header}, a revisit, repeats, or null when none is known. */
  private Long originalOf(RecordHeader header) {
    Long original = null;
    String id = header.field("WARC-Refers-To");
    if (id != null) {
      original = originals.get("id " + id);
    }
    Instant refersToDate = Dates.parse(header.field("WARC-Refers-To-Date"));
    String refersToUri = header.field("WARC-Refers-To-Target-URI");
    if (original == null && refersToDate != null) {
      String uri = refersToUri != null ? refersToUri : header.targetUri();
      original = originals.get("at " + uri + " " + refersToDate);
    }
    String digest = header.field("WARC-Payload-Digest");
    if (original == null && digest != null) {
      original = originals.get("digest " + digest.toUpperCase(Locale.ROOT));
    }
    return original;
  }

  /** A revisit of the capture at {@code original} as a document; counted as a revisit when null. */
  private void handRevisit(RecordHeader header, Long original) throws IOException, IngestException {
    if (original == null || header.targetUri() == null) {
      tally.skip(Skip.REVISIT);
      return;
    }
    Capture[] capture = new Capture[1];
    ArchiveReader.readAt(
        file.path(),
        original,
        new ArchiveReader.Handler() {
          @Override
          public void record(RecordHeader at, InputStream block) throws IOException {
            capture[0] = read(at, block);
          }

          @Override
          public void damaged(long offset, String reason) {}
        });
    if (capture[0] == null) {
      tally.skip(Skip.REVISIT);
      return;
    }
    String recordId = header.field("WARC-Record-ID");
    if (recordId != null) {
      originals.putIfAbsent("id " + recordId, original); // a revisit of this revisit
    }
    hand(
        header,
        header.targetUri(),
        header.date(),
        capture[0],
        PayloadTypes.formatOf(
            PayloadTypes.mediaType(capture[0].contentType()), capture[0].payload()));
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
