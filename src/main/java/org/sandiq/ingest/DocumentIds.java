package org.sandiq.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable document ids: the first 64 bits of SHA-256 over the document's source, as 16 hex digits.
 *
 * <p>The source is the corpus-relative path (plus the record offset and URL for WARC records), so a
 * document keeps its id across reindexing and machines, and links to {@code /doc/{id}} stay valid.
 * 64 bits make a collision unlikely below billions of documents.
 */
public final class DocumentIds {
  private DocumentIds() {}

  /** The id for a document whose source is {@code source}. */
  public static String of(String source) {
    return HexFormat.of().formatHex(sha256(source.getBytes(StandardCharsets.UTF_8)), 0, 8);
  }

  /** Hex SHA-256 of {@code bytes}, used as a content hash for incremental reindexing. */
  public static String contentHash(byte[] bytes) {
    return HexFormat.of().formatHex(sha256(bytes));
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
