package org.sandiq.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keys that stay one index term whatever the input they come from.
 *
 * <p>Why. Lucene refuses a whole document when one of its terms (or doc values) is longer than
 * 32,766 bytes, and a web archive holds whatever a crawler met: a crawler trap's URL of 40,000
 * characters, a record id of 50,000, a canonical link padded by a hostile page. Such a value lost
 * its page from the index. A key up to {@value #MAX_CHARS} characters is kept as it is; a longer
 * one becomes its first {@value #HEAD_CHARS} characters, {@code #}, and the SHA-256 of the whole:
 * still one key for one value, so a lookup that builds its key the same way still meets it. The
 * value itself is stored whole wherever it is shown.
 */
public final class BoundedKeys {
  /** The longest key kept as it is: far above real URLs (crawlers cap them at 2 to 8 KB). */
  public static final int MAX_CHARS = 8_000;

  private static final int HEAD_CHARS = 200;

  private BoundedKeys() {}

  /** {@code key}, or for one over {@link #MAX_CHARS} characters its bounded form; null stays. */
  public static String of(String key) {
    if (key == null || key.length() <= MAX_CHARS) {
      return key;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      int head =
          Character.isHighSurrogate(key.charAt(HEAD_CHARS - 1)) ? HEAD_CHARS - 1 : HEAD_CHARS;
      return key.substring(0, head) + "#" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
