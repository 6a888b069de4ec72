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
 * Turns the bytes of a document into text, finding the charset the way browsers do, but checking
 * what a page declares against what it holds, since archived pages often lie: byte-order mark, then
 * the charset the archive declared (HTTP header) and the HTML {@code <meta>} charset, each taken
 * only when the bytes agree with it (UTF-8 must decode strictly; a legacy charset loses to bytes
 * that are valid UTF-8, and a server's Latin-1 default loses to a confident detection of another
 * script), then strict UTF-8, then ICU's statistical detector (which tells windows-1251 Russian and
 * windows-1254 Turkish apart from Latin-1). Labels are read through {@link CharsetLabels}
 * (misspellings included). Binary content is refused rather than indexed as garbage.
 */
final class TextDecoder {
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final int SNIFF_BYTES = 8192;

  /** A detection at least this confident overrides a server's Latin-1 default. */
  private static final int OVERRIDE_CONFIDENCE = 50;

  private TextDecoder() {}

  /**
   * Decodes {@code bytes}.
   *
   * @param declared a charset name the container declared, or null
   * @param html whether to look for a {@code <meta charset>} declaration
   * @throws IngestException when the bytes look binary ({@link #looksBinary})
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
    String binary = binaryReason(bytes);
    if (binary != null) {
      throw new IngestException("binary content, not text: " + binary);
    }
    String utf8 = strictUtf8(bytes);
    Charset header = CharsetLabels.forLabel(declared);
    Charset meta = html ? CharsetLabels.forLabel(metaCharset(bytes)) : null;
    Charset chosen = choose(bytes, utf8 != null, header, meta);
    if (chosen != null) {
      return chosen.equals(StandardCharsets.UTF_8) && utf8 != null
          ? utf8
          : new String(bytes, chosen);
    }
    if (utf8 != null) {
      return utf8;
    }
    return new String(bytes, detect(bytes));
  }

  /**
   * The declared charset the bytes agree with, or null to let the bytes decide. When the header and
   * the page declare different legacy charsets that both fit, the detector picks between them.
   */
  private static Charset choose(byte[] bytes, boolean validUtf8, Charset header, Charset meta) {
    Charset first = fits(bytes, validUtf8, header) ? header : null;
    Charset second = fits(bytes, validUtf8, meta) ? meta : null;
    if (first == null || second == null || first.equals(second)) {
      Charset chosen = first != null ? first : second;
      if (chosen != null && CharsetLabels.isLatinDefault(chosen) && !isAscii(bytes)) {
        Charset detected = confidentNonLatin(bytes);
        return detected != null ? detected : chosen;
      }
      return chosen;
    }
    return moreLikely(bytes, first, second);
  }

  /** Whether {@code charset} can be what {@code bytes} are written in. */
  private static boolean fits(byte[] bytes, boolean validUtf8, Charset charset) {
    if (charset == null) {
      return false;
    }
    if (charset.equals(StandardCharsets.UTF_8)) {
      return validUtf8;
    }
    if (validUtf8 && !isAscii(bytes)) {
      // Multi-byte UTF-8 sequences almost never occur by chance in legacy text: the page is UTF-8.
      return false;
    }
    try {
      charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException | UnsupportedOperationException e) {
      return false;
    }
  }

  /**
   * The charset a page declared Latin-1 (a server's default) is really in, or null when Latin-1 is
   * right: the detector's first choice when it is confident of a non-Latin one (Turkish
   * windows-1254), or its first non-Latin choice when the Latin-1 reading is mojibake (most letters
   * non-ASCII, as Cyrillic in windows-1251 read as Latin-1 is).
   */
  private static Charset confidentNonLatin(byte[] bytes) {
    CharsetDetector detector = new CharsetDetector();
    detector.enableInputFilter(true);
    detector.setText(bytes);
    CharsetMatch[] matches = detector.detectAll();
    if (matches.length == 0) {
      return null;
    }
    if (matches[0].getConfidence() >= OVERRIDE_CONFIDENCE) {
      return nonLatin(bytes, matches[0]);
    }
    if (!mostlyNonAsciiLetters(new String(bytes, Charset.forName("windows-1252")))) {
      return null;
    }
    for (CharsetMatch match : matches) {
      Charset charset = nonLatin(bytes, match);
      if (charset != null) {
        return charset;
      }
    }
    return null;
  }

  private static Charset nonLatin(byte[] bytes, CharsetMatch match) {
    Charset charset = CharsetLabels.forLabel(match.getName());
    if (charset == null
        || CharsetLabels.isLatinDefault(charset)
        || charset.equals(StandardCharsets.UTF_8)
        || match.getName().startsWith("UTF-")
        || !fits(bytes, false, charset)) {
      return null;
    }
    return charset;
  }

  /** Whether most letters of {@code text} outside markup are non-ASCII: not a Latin script. */
  private static boolean mostlyNonAsciiLetters(String text) {
    int ascii = 0;
    int other = 0;
    boolean inTag = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<') {
        inTag = true;
      } else if (c == '>') {
        inTag = false;
      } else if (!inTag && Character.isLetter(c)) {
        if (c < 0x80) {
          ascii++;
        } else {
          other++;
        }
      }
    }
    return other > ascii;
  }

  private static Charset moreLikely(byte[] bytes, Charset a, Charset b) {
    CharsetDetector detector = new CharsetDetector();
    detector.setText(bytes);
    for (CharsetMatch match : detector.detectAll()) {
      Charset c = CharsetLabels.forLabel(match.getName());
      if (a.equals(c)) {
        return a;
      }
      if (b.equals(c)) {
        return b;
      }
    }
    return a; // no evidence either way: the header, as browsers do
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

  /**
   * Whether {@code bytes} are binary rather than text: NUL bytes, or many control bytes that no
   * text has, in the first 8 KB. (UTF-16 text has NUL bytes too; it carries a byte-order mark.)
   */
  static boolean looksBinary(byte[] bytes) {
    if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
      return false;
    }
    return binaryReason(bytes) != null;
  }

  private static String binaryReason(byte[] bytes) {
    int n = Math.min(bytes.length, SNIFF_BYTES);
    int nul = 0;
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        nul++;
      } else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
        control++;
      }
    }
    if (nul > 0) {
      return nul + " NUL bytes in the first " + n + " bytes";
    }
    if (n > 0 && control * 100 / n >= 5) {
      return String.format(
          Locale.ROOT, "%d%% control bytes in the first %d bytes", control * 100 / n, n);
    }
    return null;
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static String metaCharset(byte[] bytes) {
    String head =
        new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  /** {@code bytes} as UTF-8, or null when they are not valid UTF-8. */
  static String strictUtf8(byte[] bytes) {
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
    Charset charset = match == null ? null : CharsetLabels.forLabel(match.getName());
    return charset != null ? charset : Charset.forName("windows-1252");
  }
}
