package org.sandiq.ingest;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a document into text, finding the charset the way browsers do: byte-order
 * mark, then the charset the archive declared (HTTP header), then an HTML {@code <meta>} charset,
 * then strict UTF-8, then ICU's statistical detector (which tells windows-1251 Russian and
 * windows-1254 Turkish apart from Latin-1). Binary content is refused rather than indexed as
 * garbage.
 */
final class TextDecoder {
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final int SNIFF_BYTES = 8192;

  private TextDecoder() {}

  /**
   * Decodes {@code bytes}.
   *
   * @param declared a charset name the container declared, or null
   * @param html whether to look for a {@code <meta charset>} declaration
   * @throws IngestException when the bytes look binary (NUL bytes in text that has no UTF-16 BOM)
   */
  static String decode(byte[] bytes, String declared, boolean html) throws IngestException {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    if (looksBinary(bytes)) {
      throw new IngestException("binary content (NUL bytes), not text");
    }
    Charset charset = charsetOrNull(declared);
    if (charset == null && html) {
      charset = charsetOrNull(metaCharset(bytes));
    }
    if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
      return new String(bytes, charset);
    }
    String utf8 = strictUtf8(bytes);
    if (utf8 != null) {
      return utf8;
    }
    return new String(bytes, detect(bytes));
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, SNIFF_BYTES);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static String metaCharset(byte[] bytes) {
    String head =
        new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  private static Charset charsetOrNull(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      // Browsers treat these Latin-1 labels as windows-1252; so does the WHATWG encoding spec.
      String n = name.trim().toLowerCase(Locale.ROOT);
      if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii")) {
        return Charset.forName("windows-1252");
      }
      return Charset.forName(name.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static Charset detect(byte[] bytes) {
    CharsetDetector detector = new CharsetDetector();
    detector.setText(bytes);
    CharsetMatch match = detector.detect();
    Charset charset = match == null ? null : charsetOrNull(match.getName());
    return charset != null ? charset : Charset.forName("windows-1252");
  }
}
