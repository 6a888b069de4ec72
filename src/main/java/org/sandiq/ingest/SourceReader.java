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
      case TEXT, HTML -> sink.accept(readLoose(file));
      case WARC -> {
        return WarcRecords.read(file, sink);
      }
      case JSONL -> JsonLines.read(file, sink);
    }
    return null;
  }

  private static RawDocument readLoose(CorpusFile file) throws IngestException, IOException {
    long size = Files.size(file.path());
    if (size > MAX_FILE_BYTES) {
      throw new IngestException(
          "file too large: " + (size >> 20) + " MB (limit " + (MAX_FILE_BYTES >> 20) + " MB)");
    }
    byte[] bytes = Files.readAllBytes(file.path());
    if (bytes.length == 0) {
      throw new IngestException("empty file");
    }
    if (file.path().getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
      bytes = gunzip(bytes);
      if (bytes.length == 0) {
        throw new IngestException("empty file (after gzip)");
      }
    }
    return new RawDocument(file.relativePath(), null, null, file.format(), bytes, null);
  }

  /** The uncompressed bytes of a gzip file, refused when damaged or larger than the file limit. */
  private static byte[] gunzip(byte[] compressed) throws IngestException {
    try (InputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
      byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
      if (bytes.length > MAX_FILE_BYTES) {
        throw new IngestException(
            "file too large: over " + (MAX_FILE_BYTES >> 20) + " MB uncompressed");
      }
      return bytes;
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new IngestException("damaged or truncated gzip file: " + e.getMessage(), e);
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
