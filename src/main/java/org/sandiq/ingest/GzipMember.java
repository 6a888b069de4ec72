package org.sandiq.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The uncompressed content of one gzip member of a file, read from its byte offset, and where the
 * member ends. Web archives compress each record as its own member, so a member's offset is the
 * record's address, and a damaged member costs only its own records: the next member starts a new
 * deflate stream. ({@link java.util.zip.GZIPInputStream} reads members one after another but tells
 * neither where each starts nor where a damaged one ends.)
 */
final class GzipMember extends InputStream {
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private final FileChannel channel;
  private final long start;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final ByteBuffer input = ByteBuffer.allocate(64 << 10);
  private long inputPosition;
  private long end = -1;
  private boolean checksumMatches = true;

  /**
   * Opens the member that starts at {@code start}.
   *
   * @throws ZipException when no gzip member header is there
   */
  GzipMember(FileChannel channel, long start) throws IOException {
    this.channel = channel;
    this.start = start;
    this.inputPosition = start;
    input.limit(0);
    readHeader();
  }

  /** Whether the bytes at {@code offset} start a gzip member header (magic and deflate method). */
  static boolean startsAt(FileChannel channel, long offset) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(4);
    while (head.hasRemaining()) {
      if (channel.read(head, offset + head.position()) < 0) {
        return false;
      }
    }
    return isHeader(head.array(), 0);
  }

  /** Whether {@code b[i..]} starts a plausible gzip header: magic, deflate, no reserved flags. */
  static boolean isHeader(byte[] b, int i) {
    return i + 3 < b.length
        && (b[i] & 0xFF) == 0x1F
        && (b[i + 1] & 0xFF) == 0x8B
        && b[i + 2] == 8
        && (b[i + 3] & 0xE0) == 0;
  }

  private void readHeader() throws IOException {
    int flags;
    try {
      byte[] fixed = take(10);
      if (!isHeader(fixed, 0)) {
        throw new ZipException("not a gzip member");
      }
      flags = fixed[3];
      if ((flags & FEXTRA) != 0) {
        byte[] len = take(2);
        take((len[0] & 0xFF) | (len[1] & 0xFF) << 8);
      }
      if ((flags & FNAME) != 0) {
        skipZeroTerminated();
      }
      if ((flags & FCOMMENT) != 0) {
        skipZeroTerminated();
      }
      if ((flags & FHCRC) != 0) {
        take(2);
      }
    } catch (EOFException e) {
      throw new ZipException("gzip member header cut off");
    }
  }

  private byte[] take(int n) throws IOException {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) next();
    }
    return out;
  }

  private void skipZeroTerminated() throws IOException {
    while (next() != 0) {
      // a file name or comment nobody needs
    }
  }

  /** The next raw byte of the file, for header and trailer fields. */
  private int next() throws IOException {
    if (!input.hasRemaining() && !fill()) {
      throw new EOFException();
    }
    return input.get() & 0xFF;
  }

  private boolean fill() throws IOException {
    input.clear();
    int n = channel.read(input, inputPosition);
    input.flip();
    if (n <= 0) {
      return false;
    }
    inputPosition += n;
    return true;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (true) {
      if (end >= 0) {
        return -1;
      }
      int n;
      try {
        n = inflater.inflate(b, off, len);
      } catch (DataFormatException e) {
        throw new ZipException("damaged gzip data: " + e.getMessage());
      }
      if (n > 0) {
        crc.update(b, off, n);
        return n;
      }
      if (inflater.finished()) {
        finish();
        return -1;
      }
      if (inflater.needsDictionary()) {
        throw new ZipException("damaged gzip data: needs a preset dictionary");
      }
      if (inflater.needsInput()) {
        if (input.hasRemaining()) {
          feed();
        } else if (fill()) {
          feed();
        } else {
          throw new EOFException("gzip member cut off: the file ends inside it");
        }
      }
    }
  }

  private void feed() {
    inflater.setInput(input.array(), input.position(), input.remaining());
    input.position(input.limit());
  }

  /** Reads the trailer: checksum and length of the uncompressed content. */
  private void finish() throws IOException {
    // What the inflater did not use is the trailer and what follows: step back to it.
    input.position(input.limit() - inflater.getRemaining());
    try {
      byte[] trailer = take(8);
      long stored =
          (trailer[0] & 0xFFL)
              | (trailer[1] & 0xFFL) << 8
              | (trailer[2] & 0xFFL) << 16
              | (trailer[3] & 0xFFL) << 24;
      checksumMatches = stored == crc.getValue();
    } catch (EOFException e) {
      checksumMatches = false;
    }
    end = inputPosition - input.remaining();
    inflater.end();
  }

  /** Where the member starts in the file. */
  long start() {
    return start;
  }

  /** Where the next member can start: valid once this one has been read to its end. */
  long end() {
    return end;
  }

  /** Whether the member's checksum matched its content: valid once it has been read to its end. */
  boolean checksumMatches() {
    return checksumMatches;
  }

  @Override
  public void close() {
    inflater.end();
  }
}
