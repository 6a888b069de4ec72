package org.sandiq.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an archived capture is, from its URL and Content-Type, and from its bytes where the type
 * says nothing: a page (HTML or plain text) or not.
 */
final class PayloadTypes {
  private static final Pattern CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?([^\"';,\\s]+)", Pattern.CASE_INSENSITIVE);

  private PayloadTypes() {}

  /** Whether a captured URL names a page: web and file URLs, not {@code dns:} or crawler logs. */
  static boolean isPageUrl(String url) {
    if (url == null) {
      return false;
    }
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("http:")
        || lower.startsWith("https:")
        || lower.startsWith("ftp:")
        || lower.startsWith("file:");
  }

  static boolean isBlank(byte[] payload) {
    for (byte b : payload) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0) {
        return false;
      }
    }
    return true;
  }

  /** The base media type, lower case without parameters, or "" when none is given. */
  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    // Up to the parameters, or to junk servers append ("text/html,", "text/html charset=utf-8").
    String base = contentType.strip().replace("\"", "").split("[;,\\s]", 2)[0];
    return base.toLowerCase(Locale.ROOT);
  }

  /** Whether a payload of this type may be a page (known text types, or no usable type). */
  static boolean maybeText(String type) {
    return formatOfType(type) != null || unknownType(type);
  }

  static boolean unknownType(String type) {
    return type.isEmpty()
        || type.equals("application/octet-stream")
        || type.equals("unknown/unknown")
        || type.equals("no-type")
        || type.equals("text")
        || !type.contains("/");
  }

  private static SourceFormat formatOfType(String type) {
    return switch (type) {
      case "text/html", "application/xhtml+xml", "text/xhtml", "application/html" ->
          SourceFormat.HTML;
      case "text/plain" -> SourceFormat.TEXT;
      default -> null;
    };
  }

  /**
   * How to read a payload: by its declared type, or when the type is missing or says nothing
   * ({@code application/octet-stream}), by whether it starts like an HTML page, else whether it
   * reads as prose (an FTP server's {@code INDEX.txt}, a text file served without a type).
   */
  static SourceFormat formatOf(String type, byte[] payload) {
    SourceFormat format = formatOfType(type);
    if (format != null || !unknownType(type)) {
      return format;
    }
    String start =
        new String(
                payload,
                0,
                Math.min(payload.length, 1024),
                java.nio.charset.StandardCharsets.ISO_8859_1)
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    boolean html =
        start.startsWith("<!doctype html")
            || start.startsWith("<html")
            || start.startsWith("<head")
            || start.startsWith("<body")
            || ((start.startsWith("<?xml") || start.startsWith("<!--")) && start.contains("<html"));
    if (html) {
      return SourceFormat.HTML;
    }
    return readsAsProse(payload) ? SourceFormat.TEXT : null;
  }

  /**
   * Whether the start of an untyped payload is prose: nearly all letters, digits, spaces and
   * sentence punctuation, and almost none of the brackets, braces and operators of code, data and
   * markup (scripts, style sheets, JSON, XML served without a type stay out) or control bytes
   * (binary data). Bytes above ASCII count as letters: text in other scripts.
   */
  static boolean readsAsProse(byte[] payload) {
    int n = Math.min(payload.length, 2_000);
    if (n < 2) {
      return false;
    }
    int first = 0;
    while (first < n && Character.isWhitespace(payload[first] & 0xff)) {
      first++;
    }
    if (first == n || "{[<".indexOf(payload[first]) >= 0) {
      return false; // JSON, XML and markup start so
    }
    int prose = 0;
    int code = 0;
    for (int i = 0; i < n; i++) {
      int b = payload[i] & 0xff;
      if (b >= 0x80 || Character.isLetterOrDigit(b) || Character.isWhitespace(b)) {
        prose++;
      } else if (b < 0x20 || "{}<>;=\\$".indexOf(b) >= 0) {
        code++;
      } else if (".,:!?'\"-/&%@()[]#*".indexOf(b) >= 0) {
        prose++;
      }
    }
    return prose >= 0.9 * n && code <= 0.01 * n;
  }

  /** The charset a Content-Type declares, or null. */
  static String charsetOf(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CHARSET.matcher(contentType);
    return m.find() ? m.group(1) : null;
  }
}
