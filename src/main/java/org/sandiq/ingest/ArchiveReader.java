package org.sandiq.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import java.util.zip.ZipException;

/**
 * Walks the records of a WARC or ARC file, plain or gzip-compressed (told by the file's first
 * bytes, not its name), and goes on past damage: a record that cannot be read is reported with its
 * offset and why, and reading resumes at the next record: the next gzip member, or the next line
 * that starts a WARC or ARC record. Whatever was readable is handed on, including the part of a
 * record that a truncated file cuts off.
 */
final class ArchiveReader {
  /** A record header longer than this is damage: real ones are a few hundred bytes. */
  static final int MAX_HEADER_BYTES = 256 << 10;

  /** Hears each record and each damaged place, in file order. */
  interface Handler {
    /**
     * One record. {@code block} reads its content block (and ends early when the file does); what
     * is not read is skipped afterwards.
     */
    void record(RecordHeader header, InputStream block) throws IOException, IngestException;

    /** A place in the file that could not be read as a record; reading goes on after it. */
    void damaged(long offset, String reason);
  }

  private ArchiveReader() {}

  /** Reads every record of {@code file}, in order. */
  static void read(Path file, Handler handler) throws IOException, IngestException {
    try (FileChannel channel = FileChannel.open(file)) {
      if (GzipMember.startsAt(channel, 0)) {
        readCompressed(channel, 0, handler, -1);
      } else {
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 64 << 10);
        new Segment(in, p -> p, false).read(handler, -1);
      }
    }
  }

  /**
   * Reads the record at {@code address} (as {@link RecordHeader#offset} gives it), or nothing when
   * none is there.
   */
  static void readAt(Path file, long address, Handler handler) throws IOException, IngestException {
    try (FileChannel channel = FileChannel.open(file)) {
      if (address < 0 || address >= channel.size()) {
        return;
      }
      Handler quiet = only(address, handler);
      if (!GzipMember.startsAt(channel, 0)) {
        channel.position(address);
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 64 << 10);
        new Segment(in, p -> address + p, false).read(quiet, address);
        return;
      }
      // A record that shares its member with others is addressed as member offset + its index.
      for (long start = address; start >= Math.max(0, address - 4096); start--) {
        if (GzipMember.startsAt(channel, start)) {
          readCompressed(channel, start, quiet, address);
          return;
        }
      }
    }
  }

  /** {@code handler} for the record at {@code address} only, deaf to damage elsewhere. */
  private static Handler only(long address, Handler handler) {
    return new Handler() {
      @Override
      public void record(RecordHeader header, InputStream block)
          throws IOException, IngestException {
        if (header.offset() == address) {
          handler.record(header, block);
        }
      }

      @Override
      public void damaged(long offset, String reason) {}
    };
  }

  /**
   * Reads the gzip members from {@code offset} on; after a damaged member, from the next one. With
   * {@code stopAfter} >= 0, stops once the record at that address has been read.
   */
  private static void readCompressed(
      FileChannel channel, long offset, Handler handler, long stopAfter)
      throws IOException, IngestException {
    while (offset >= 0 && offset < channel.size()) {
      GzipMembers members;
      try {
        members = new GzipMembers(channel, offset, handler);
      } catch (ZipException | EOFException e) {
        handler.damaged(offset, "damaged gzip member header");
        offset = GzipMembers.nextMember(channel, offset + 1);
        continue;
      }
      try (members) {
        Segment segment =
            new Segment(new BufferedInputStream(members, 64 << 10), members::memberOf, true);
        if (segment.read(handler, stopAfter) || segment.cutOff()) {
          return;
        }
        offset = members.resumeAt();
      } catch (ZipException | EOFException e) {
        long bad = members.currentMember();
        handler.damaged(
            bad,
            e instanceof EOFException
                ? "gzip member cut off: the file ends inside it"
                : (e.getMessage() == null ? "damaged gzip member" : e.getMessage())
                    + "; skipped to the next gzip member");
        if (stopAfter >= 0) {
          return;
        }
        offset = GzipMembers.nextMember(channel, bad + 1);
      }
    }
  }

  /**
   * The records of a stretch of bytes: a plain file, or consecutive gzip members. {@code locator}
   * gives the address of a position: itself in a plain file, its member's offset in a compressed
   * one, where the k-th record starting in one member gets the member's offset + k.
   */
  private static final class Segment {
    private final ArchiveBytes.Lines in;
    private final LongUnaryOperator locator;
    private final boolean members;
    private long lastPlace = -1;
    private int inPlace;
    private int arcFieldCount = 5;
    private boolean cutOff;

    Segment(InputStream in, LongUnaryOperator locator, boolean members) {
      this.in = new ArchiveBytes.Lines(in);
      this.locator = locator;
      this.members = members;
    }

    /** Whether the file ended inside a record. */
    boolean cutOff() {
      return cutOff;
    }

    /** The address of a record whose header starts at {@code position}. */
    private long addressOf(long position) {
      long place = locator.applyAsLong(position);
      inPlace = place == lastPlace ? inPlace + 1 : 0;
      lastPlace = place;
      return members ? place + inPlace : place;
    }

    /**
     * Reads to the end, or until the record at {@code stopAfter} (when >= 0) has been read.
     *
     * @return whether it stopped after that record
     */
    boolean read(Handler handler, long stopAfter) throws IOException, IngestException {
      boolean lost = false; // after damage: looking for the next record header
      while (true) {
        long lineStart = in.position();
        byte[] raw = in.line(MAX_HEADER_BYTES);
        if (raw == null) {
          return false;
        }
        // Padding some writers put between records (NUL bytes, a byte-order mark) is no damage.
        String line = RecordHeader.text(raw).replaceFirst("^[\\x00\\uFEFF]+", "").strip();
        if (line.isEmpty()) {
          continue; // record trailers and padding
        }
        long place = locator.applyAsLong(lineStart);
        RecordHeader header;
        try {
          header = header(line, lineStart);
        } catch (IngestException e) {
          handler.damaged(place, e.getMessage() + "; skipped to the next record");
          lost = true;
          continue;
        }
        if (header == null) {
          if (!lost) {
            handler.damaged(
                place,
                "no WARC or ARC record starts here ("
                    + printable(line)
                    + "); skipped to the next record");
            lost = true;
          }
          continue;
        }
        lost = false;
        ArchiveBytes.Block block = new ArchiveBytes.Block(in, header.length());
        handler.record(header, block);
        block.skipRest();
        if (block.cutOff()) {
          handler.damaged(
              place,
              "record cut off: the file ends after "
                  + block.bytesRead()
                  + " of its "
                  + header.length()
                  + " bytes; the part read is kept");
          cutOff = true;
          return false;
        }
        if (header.isArc() && header.type().equals("warcinfo")) {
          arcFieldCount = arcFieldCount(block.head());
        }
        if (header.offset() == stopAfter) {
          return true;
        }
      }
    }

    private static String printable(String line) {
      String shown = RecordHeader.abbreviate(line);
      return shown.chars().allMatch(c -> c >= 0x20 && c != 0xFFFD)
          ? "'" + shown + "'"
          : "binary data";
    }

    /** The header that {@code line} starts (reading the rest of it), null when it starts none. */
    private RecordHeader header(String line, long lineStart) throws IOException, IngestException {
      if (RecordHeader.isWarcStart(line)) {
        List<byte[]> lines = new ArrayList<>();
        int bytes = 0;
        while (true) {
          byte[] next = in.line(MAX_HEADER_BYTES);
          if (next == null) {
            throw new IngestException("WARC record header cut off by the end of the file");
          }
          if (next.length == 0) {
            break;
          }
          bytes += next.length;
          if (bytes > MAX_HEADER_BYTES) {
            throw new IngestException("WARC record header longer than 256 KB");
          }
          lines.add(next);
        }
        return RecordHeader.warc(addressOf(lineStart), line, lines);
      }
      List<String> arc = RecordHeader.arcFields(line, arcFieldCount);
      if (arc == null && arcFieldCount != 5) {
        arc = RecordHeader.arcFields(line, 5);
      }
      return arc == null ? null : RecordHeader.arc(addressOf(lineStart), arc);
    }

    /**
     * How many fields the ARC headers of this file have: 5 in version 1, 10 in version 2, as the
     * field-name line of the file description says.
     */
    private static int arcFieldCount(byte[] description) {
      String[] lines =
          new String(description, java.nio.charset.StandardCharsets.ISO_8859_1).split("\n");
      if (lines.length >= 2 && lines[1].strip().startsWith("URL ")) {
        return Math.max(5, lines[1].strip().split(" +").length);
      }
      return 5;
    }
  }
}
