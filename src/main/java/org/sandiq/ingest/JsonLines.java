package org.sandiq.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a JSON Lines file as raw documents, one per non-blank line. Each document's source is
 * {@code path#offset}, the byte offset of its line in the (uncompressed) file, like a WARC
 * record's.
 *
 * <p>A line that cannot be a document (too long, not JSON, no {@code text}) is skipped and counted,
 * and the rest of the file is still read: one bad line in an export of a million documents must not
 * cost the other 999,999. The file then ends with an {@link IngestException} that says how many
 * lines were skipped and why the first one was, so the reindex reports the file (its good documents
 * kept) and tries it again next time.
 */
final class JsonLines {
  /** A line longer than this is skipped: no document is this large, and it bounds the heap. */
  static final int MAX_LINE_BYTES = 16 << 20;

  private JsonLines() {}

  static void read(CorpusFile file, SourceReader.Sink sink) throws IngestException, IOException {
    long lines = 0;
    long documents = 0;
    long bad = 0;
    String firstBad = null;
    try (InputStream in = open(file.path())) {
      LineReader reader = new LineReader(in);
      for (byte[] line = reader.next(); line != null; line = reader.next()) {
        lines++;
        long offset = reader.lineStart();
        String problem = null;
        if (reader.tooLong()) {
          problem = "longer than " + (MAX_LINE_BYTES >> 20) + " MB";
        } else if (isBlank(line)) {
          continue;
        } else {
          try {
            sink.accept(
                new RawDocument(
                    file.relativePath() + "#" + offset,
                    null,
                    null,
                    SourceFormat.JSONL,
                    line,
                    "UTF-8"));
            documents++;
          } catch (IngestException e) {
            problem = e.getMessage();
          }
        }
        if (problem != null) {
          bad++;
          if (firstBad == null) {
            firstBad = "line " + lines + " (offset " + offset + "): " + problem;
          }
        }
      }
    } catch (ZipException | EOFException e) {
      throw new IngestException(
          "damaged or truncated gzip after line " + lines + " (" + documents + " documents read)",
          e);
    }
    if (bad > 0) {
      throw new IngestException(bad + " of " + lines + " lines skipped; the first, " + firstBad);
    }
    if (documents == 0) {
      throw new IngestException("no documents in file (no non-blank lines)");
    }
  }

  /** The line that starts at {@code offset}, or empty when none does. */
  static Optional<byte[]> lineAt(Path file, long offset) throws IOException {
    try (InputStream in = open(file)) {
      try {
        in.skipNBytes(offset);
      } catch (EOFException e) {
        return Optional.empty();
      }
      LineReader reader = new LineReader(in);
      byte[] line = reader.next();
      return line == null || reader.tooLong() ? Optional.empty() : Optional.of(line);
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
        ? new GZIPInputStream(new BufferedInputStream(in, 1 << 16), 1 << 16)
        : in;
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** Splits a stream at {@code \n}, remembering where each line started. */
  private static final class LineReader {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int end;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
    private long position; // of buffer[pos] in the stream
    private long lineStart;
    private boolean tooLong;

    LineReader(InputStream in) {
      this.in = in;
    }

    /** The next line without its {@code \n}, or null at the end of the stream. */
    byte[] next() throws IOException {
      line.reset();
      lineStart = position;
      tooLong = false;
      boolean any = false;
      while (true) {
        if (pos == end) {
          end = in.read(buffer, 0, buffer.length);
          pos = 0;
          if (end <= 0) {
            end = 0;
            return any ? line.toByteArray() : null;
          }
        }
        any = true;
        int newline = pos;
        while (newline < end && buffer[newline] != '\n') {
          newline++;
        }
        append(pos, newline - pos);
        position += newline - pos;
        if (newline < end) {
          pos = newline + 1;
          position++;
          return line.toByteArray();
        }
        pos = end;
      }
    }

    private void append(int from, int length) {
      int room = MAX_LINE_BYTES - line.size();
      if (length > room) {
        tooLong = true;
        length = Math.max(0, room);
      }
      line.write(buffer, from, length);
    }

    long lineStart() {
      return lineStart;
    }

    boolean tooLong() {
      return tooLong;
    }
  }
}
