package org.sandiq.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Map;
import java.util.TreeMap;

/**
 * The uncompressed content of consecutive gzip members, read as one stream (a record may span
 * members: some writers split them), which knows the compressed offset of the member each
 * uncompressed position came from: a record's address. The stream ends at the end of the file, or
 * where the bytes after a member are not another member; {@link #resumeAt} then says where the next
 * member is, and the stretch in between is reported as damage unless it is only padding.
 */
final class GzipMembers extends InputStream {
  private final FileChannel channel;
  private final long size;
  private final ArchiveReader.Handler handler;

  /** Uncompressed start position of each member read so far → its compressed offset. */
  private final TreeMap<Long, Long> starts = new TreeMap<>();

  private GzipMember member;
  private long uncompressed;
  private long resumeAt = -1;
  private boolean ended;

  /**
   * The members from {@code offset} on, which must start a member.
   *
   * @param handler hears about bytes between members that are not padding
   */
  GzipMembers(FileChannel channel, long offset, ArchiveReader.Handler handler) throws IOException {
    this.channel = channel;
    this.size = channel.size();
    this.handler = handler;
    open(offset);
  }

  private void open(long offset) throws IOException {
    member = new GzipMember(channel, offset);
    starts.put(uncompressed, offset);
  }

  /** The compressed offset of the member that uncompressed {@code position} came from. */
  long memberOf(long position) {
    Map.Entry<Long, Long> e = starts.floorEntry(position);
    // Forget members that no later position can come from.
    starts.headMap(e.getKey(), false).clear();
    return e.getValue();
  }

  /** The member being read now. */
  long currentMember() {
    return member.start();
  }

  /** Where reading can go on after this stream ended: the next member, or -1 for none. */
  long resumeAt() {
    return resumeAt;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (!ended) {
      int n = member.read(b, off, len);
      if (n > 0) {
        uncompressed += n;
        return n;
      }
      if (n == 0) {
        continue;
      }
      if (!member.checksumMatches()) {
        handler.damaged(member.start(), "gzip member checksum does not match its content");
      }
      next(member.end());
    }
    return -1;
  }

  /** Moves to the member at {@code end}, or ends the stream there. */
  private void next(long end) throws IOException {
    member.close();
    if (end >= size) {
      ended = true;
      return;
    }
    if (GzipMember.startsAt(channel, end)) {
      open(end);
      return;
    }
    ended = true;
    long next = nextMember(channel, end);
    long stop = next < 0 ? size : next;
    if (!onlyPadding(end, stop)) {
      handler.damaged(
          end,
          "not gzip data: "
              + (stop - end)
              + " bytes skipped"
              + (next < 0 ? " to the end of the file" : " to the next gzip member"));
    }
    resumeAt = next;
  }

  /** The offset of the next gzip member header at or after {@code from}, or -1. */
  static long nextMember(FileChannel channel, long from) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(64 << 10);
    long position = from;
    while (true) {
      buffer.clear();
      int n = channel.read(buffer, position);
      if (n < 4) {
        return -1;
      }
      byte[] b = buffer.array();
      for (int i = 0; i + 3 < n; i++) {
        if (GzipMember.isHeader(b, i)) {
          return position + i;
        }
      }
      position += n - 3;
    }
  }

  /** Whether the bytes in [from, to) are only zeros and blanks: padding, not damage. */
  private boolean onlyPadding(long from, long to) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    for (long p = from; p < to; ) {
      buffer.clear();
      buffer.limit((int) Math.min(buffer.capacity(), to - p));
      int n = channel.read(buffer, p);
      if (n <= 0) {
        return true;
      }
      for (int i = 0; i < n; i++) {
        byte c = buffer.get(i);
        if (c != 0 && c != '\r' && c != '\n' && c != ' ' && c != '\t') {
          return false;
        }
      }
      p += n;
    }
    return true;
  }

  @Override
  public void close() {
    member.close();
  }
}
