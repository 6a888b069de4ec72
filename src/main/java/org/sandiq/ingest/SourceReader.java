package org.sandiq.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads corpus files as raw documents: a text or HTML file is one document, a web archive (WARC or
 * ARC) one per HTML (or plain-text) capture, a JSON Lines file one per line.
 */
public final class SourceReader {
  /** Loose files larger than this are refused: no real page is this large, and it protects heap. */
  public static final long MAX_FILE_BYTES = 64L << 20;

  /** Receives documents as they are read. */
  @FunctionalInterface
  public interface Sink {
    void accept(RawDocument document) throws IngestException, IOException;

    /**
     * A revisit whose capture is not in its file (counted in the file's summary as a revisit); a
     * reindex may find the capture in the index once every file is read. Ignored by default.
     */
    default void revisitElsewhere(RevisitElsewhere revisit) {}
  }

  /**
   * Reads {@code file}, passing each document to {@code sink} as soon as it is read.
   *
   * @return for a web archive, what its records were and every damaged place (reading goes on past
   *     damage, so damage is reported here, not thrown); for other files null
   * @throws IngestException when the file cannot be read as its format at all (a web archive
   *     without a single readable record); for JSON Lines, after the good lines were passed on
   */
  public ArchiveSummary read(CorpusFile file, Sink sink) throws IngestException, IOException {
    switch (file.format()) {
      case TEXT, HTML -> readLoose(file, sink);
      case WARC -> {
        return WarcRecords.read(file, sink);
      }
      case JSONL -> JsonLines.read(file, sink);
    }
    return null;
  }

  /**
   * Passes a text or HTML file on as one document. A gzipped one cut short (a download or copy that
   * stopped) passes on what it unpacks to first and is then reported damaged, as a cut web archive
   * keeps the records before the cut: the beginning of a page is still its title and most of its
   * text.
   */
  private static void readLoose(CorpusFile file, Sink sink) throws IngestException, IOException {
    long size = Files.size(file.path());
    if (size > MAX_FILE_BYTES) {
      throw new IngestException(
          "file too large: " + (size >> 20) + " MB (limit " + (MAX_FILE_BYTES >> 20) + " MB)");
    }
    byte[] bytes = Files.readAllBytes(file.path());
    if (bytes.length == 0) {
      throw new IngestException("empty file");
    }
    IngestException damage = null;
    if (file.path().getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
      Gunzipped unpacked = gunzip(bytes);
      bytes = unpacked.bytes();
      damage = unpacked.damage();
      if (bytes.length == 0) {
        throw damage != null ? damage : new IngestException("empty file (after gzip)");
      }
    }
    sink.accept(new RawDocument(file.relativePath(), null, null, file.format(), bytes, null));
    if (damage != null) {
      throw damage;
    }
  }

  /** What a gzip file unpacked to, and why it stopped early (null when it did not). */
  private record Gunzipped(byte[] bytes, IngestException damage) {}

  /**
   * The uncompressed bytes of a gzip file, refused when larger than the file limit. A damaged or
   * truncated stream keeps the bytes before the damage, with the damage as an exception to report.
   */
  private static Gunzipped gunzip(byte[] compressed) throws IngestException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (InputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
      byte[] chunk = new byte[64 * 1024];
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        out.write(chunk, 0, n);
        if (out.size() > MAX_FILE_BYTES) {
          throw new IngestException(
              "file too large: over " + (MAX_FILE_BYTES >> 20) + " MB uncompressed");
        }
      }
      return new Gunzipped(out.toByteArray(), null);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      return new Gunzipped(
          out.toByteArray(),
          new IngestException(
              "damaged or truncated gzip file: "
                  + e.getMessage()
                  + " after "
                  + out.size()
                  + " unpacked bytes"
                  + (out.size() > 0 ? " (the part read is kept)" : ""),
              e));
    } catch (IOException e) {
      throw new IngestException("cannot unpack gzip file: " + e.getMessage(), e);
    }
  }

  /** SHA-256 of the file's bytes, hex: what incremental reindexing compares. */
  public static String contentHash(CorpusFile file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file.path()), digest)) {
      in.transferTo(OutputSink.INSTANCE);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Discards bytes: the digest stream has already seen them. */
  private static final class OutputSink extends java.io.OutputStream {
    static final OutputSink INSTANCE = new OutputSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
