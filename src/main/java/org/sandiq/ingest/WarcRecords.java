package org.sandiq.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sandiq.ingest.ArchiveSummary.Skip;

/**
 * Reads the documents of a web archive, WARC or ARC: successful HTTP responses and resource records
 * whose payload is HTML or plain text, and revisits of such responses found in the same file,
 * before or after them (a revisit is a capture of the original page at its own date); a revisit of
 * a page whose capture is in another file is handed to the sink for the reindex to find. Each
 * document's source is {@code path#offset}, the record's address in the file; its URL is the
 * captured URL.
 *
 * <p>Every record is counted in the file's {@link ArchiveSummary}: a document, or skipped and why.
 * Damage is reported with its offset and reading goes on at the next record ({@link
 * ArchiveReader}).
 */
final class WarcRecords {
  private final CorpusFile file;
  private final SourceReader.Sink sink;
  private final ArchiveSummary.Tally tally = new ArchiveSummary.Tally();
  private final Captures captures = new Captures(tally);

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
                found[0] = block.readNBytes(Captures.MAX_PAYLOAD_BYTES);
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
      case "revisit" -> {
        if (captures.repeatsAPage(block)) {
          revisit(header);
        }
      }
      default -> tally.skip(Skip.NOT_A_PAGE);
    }
  }

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
    Captures.Capture capture =
        jsonLine
            ? new Captures.Capture(0, null, block.readNBytes(Captures.MAX_PAYLOAD_BYTES), null)
            : captures.read(header, block);
    if (capture == null) {
      return;
    }
    if (capture.damage() != null) {
      tally.damaged(header.offset(), capture.damage());
    }
    SourceFormat format = jsonLine ? SourceFormat.JSONL : captures.check(capture);
    if (format == null) {
      return;
    }
    remember(header);
    if (exported != null) {
      hand(header, exported, null, capture, format, List.of());
    } else {
      hand(header, url, header.date(), capture, format, CaptureNames.of(header));
    }
  }

  private void hand(
      RecordHeader header,
      String url,
      Instant date,
      Captures.Capture capture,
      SourceFormat format,
      List<String> names)
      throws IOException, IngestException {
    tally.document();
    sink.accept(
        new RawDocument(
            sourceOf(header),
            url,
            date,
            format,
            capture.payload(),
            PayloadTypes.charsetOf(capture.contentType()),
            names));
  }

  /** Notes how revisits may name this capture: record id, URL and date, payload digest. */
  private void remember(RecordHeader header) {
    for (String name : CaptureNames.of(header)) {
      originals.putIfAbsent(name, header.offset());
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
    for (String name : CaptureNames.wanted(header)) {
      Long original = originals.get(name);
      if (original != null) {
        return original;
      }
    }
    return null;
  }

  /** A revisit of the capture at {@code original} as a document; counted as a revisit when null. */
  private void handRevisit(RecordHeader header, Long original) throws IOException, IngestException {
    if (original == null || header.targetUri() == null) {
      tally.skip(Skip.REVISIT);
      List<String> wanted = CaptureNames.wanted(header);
      if (header.targetUri() != null && !wanted.isEmpty()) {
        // Perhaps a capture of another file, an earlier crawl's: the reindex looks for it there.
        sink.revisitElsewhere(
            new RevisitElsewhere(
                file.relativePath(), sourceOf(header), header.targetUri(), header.date(), wanted));
      }
      return;
    }
    Captures.Capture capture = captures.captureAt(file.path(), original);
    if (capture == null) {
      tally.skip(Skip.REVISIT);
      return;
    }
    String recordId = header.field("WARC-Record-ID");
    if (recordId != null) {
      // A revisit of this revisit repeats the same capture.
      CaptureNames.of(header).stream()
          .filter(n -> n.startsWith("id "))
          .forEach(n -> originals.putIfAbsent(n, original));
    }
    tally.document();
    sink.accept(revisitDocument(sourceOf(header), header.targetUri(), header.date(), capture));
  }

  /** A revisit as a document: the payload of the capture it repeats, its own URL and date. */
  private static RawDocument revisitDocument(
      String source, String url, Instant date, Captures.Capture capture) {
    return new RawDocument(
        source,
        url,
        date,
        PayloadTypes.formatOf(PayloadTypes.mediaType(capture.contentType()), capture.payload()),
        capture.payload(),
        PayloadTypes.charsetOf(capture.contentType()));
  }

  /**
   * {@code revisit} as a document with the payload of the capture at {@code offset} of {@code
   * archive} (found in the index by its names), or empty when that record is no page any more.
   */
  static Optional<RawDocument> revisitOf(Path archive, long offset, RevisitElsewhere revisit)
      throws IOException {
    WarcRecords reading = new WarcRecords(null, document -> {});
    Captures.Capture capture;
    try {
      capture = reading.captures.captureAt(archive, offset);
    } catch (IngestException e) {
      return Optional.empty();
    }
    if (capture == null || PayloadTypes.isBlank(capture.payload())) {
      return Optional.empty();
    }
    return Optional.of(revisitDocument(revisit.source(), revisit.url(), revisit.date(), capture));
  }

  private String sourceOf(RecordHeader header) {
    return file.relativePath() + "#" + header.offset();
  }
}
