package org.sandiq.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** The two ways {@link ArchiveReader} reads bytes: header lines, and content blocks. */
final class ArchiveBytes {
  private ArchiveBytes() {}

  /** Reads lines and counts bytes. */
  static final class Lines extends InputStream {
    private final InputStream in;
    private long position;

    Lines(InputStream in) {
      this.in = in;
    }

    long position() {
      return position;
    }

    /**
     * The next line without its line end (LF or CRLF), or null at the end. A line longer than
     * {@code max} is returned cut to {@code max} bytes, the rest of it skipped.
     */
    byte[] line(int max) throws IOException {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(128);
      int c;
      boolean any = false;
      while ((c = in.read()) >= 0) {
        position++;
        any = true;
        if (c == '\n') {
          break;
        }
        if (out.size() < max) {
          out.write(c);
        }
      }
      if (!any) {
        return null;
      }
      byte[] line = out.toByteArray();
      int n = line.length;
      if (n > 0 && line[n - 1] == '\r') {
        return Arrays.copyOf(line, n - 1);
      }
      return line;
    }

    @Override
    public int read() throws IOException {
      int c = in.read();
      if (c >= 0) {
        position++;
      }
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        position += n;
      }
      return n;
    }
  }

  /** A record's content block: exactly its length, or less when the file ends first. */
  static final class Block extends InputStream {
    private final Lines in;
    private final long length;
    private long read;
    private boolean ended;
    private byte[] head = new byte[0];

    Block(Lines in, long length) {
      this.in = in;
      this.length = length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (read >= length || ended) {
        return -1;
      }
      int n;
      try {
        n = in.read(b, off, (int) Math.min(len, length - read));
      } catch (EOFException e) {
        n = -1; // a gzip member that the file cuts off: what came before it is kept
      }
      if (n < 0) {
        ended = true;
        return -1;
      }
      if (read < 4096) {
        int keep = (int) Math.min(n, 4096 - read);
        byte[] more = Arrays.copyOf(head, head.length + keep);
        System.arraycopy(b, off, more, head.length, keep);
        head = more;
      }
      read += n;
      return n;
    }

    void skipRest() throws IOException {
      byte[] buffer = new byte[8192];
      while (read(buffer, 0, buffer.length) >= 0) {
        // skipped: what the handler did not need
      }
    }

    /** Whether the file ended before the block did. */
    boolean cutOff() {
      return read < length;
    }

    /** How many bytes of the block were there. */
    long bytesRead() {
      return read;
    }

    /** The block's first 4 KB (an ARC file description's field names are read from it). */
    byte[] head() {
      return head;
    }
  }
}
