package org.sandiq.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * An archived HTTP response, read as leniently as a browser reads one: header bytes that are not
 * UTF-8, lines ending in LF alone, a header that says chunked or gzip over a body that is neither
 * (the crawler already undid it), chunk sizes larger than the data, gzip or brotli cut short, and
 * Content-Encodings nobody knows (read as identity). It never fails: at worst the payload is the
 * bytes as stored.
 *
 * @param status the HTTP status code
 * @param contentType the Content-Type header, or null
 * @param rawBody the body as stored in the archive (before any decoding): what the payload digest
 *     of a WARC record is computed over
 * @param payload the body with transfer and content encodings undone, capped at {@code max} bytes
 * @param damage null, or why the payload is incomplete (a compressed body cut short): it is then
 *     the part that decoded
 */
record HttpPayload(int status, String contentType, byte[] rawBody, byte[] payload, String damage) {

  /**
   * The response in {@code block}, or null when the block does not start with an HTTP status line.
   *
   * @param max the most payload bytes to keep (decoded content is cut there, which also stops
   *     compression bombs)
   */
  static HttpPayload parse(byte[] block, int max) {
    int p = 0;
    while (p < block.length && (block[p] == '\r' || block[p] == '\n' || block[p] == ' ')) {
      p++;
    }
    int lineEnd = indexOf(block, (byte) '\n', p);
    String statusLine =
        RecordHeader.text(Arrays.copyOfRange(block, p, lineEnd < 0 ? block.length : lineEnd))
            .strip();
    if (!statusLine.regionMatches(true, 0, "HTTP/", 0, 5)) {
      return null;
    }
    String[] parts = statusLine.split("\\s+");
    int status;
    try {
      status = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    } catch (NumberFormatException e) {
      status = 0;
    }
    String contentType = null;
    List<String> transfer = new ArrayList<>();
    List<String> content = new ArrayList<>();
    int bodyStart = block.length;
    for (int start = lineEnd < 0 ? block.length : lineEnd + 1; start < block.length; ) {
      int end = indexOf(block, (byte) '\n', start);
      int stop = end < 0 ? block.length : end;
      String line = RecordHeader.text(Arrays.copyOfRange(block, start, stop));
      start = end < 0 ? block.length : end + 1;
      if (line.strip().isEmpty()) {
        bodyStart = start;
        break;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      switch (name) {
        case "content-type" -> contentType = contentType == null ? value : contentType;
        case "transfer-encoding" -> transfer.addAll(tokens(value));
        case "content-encoding" -> content.addAll(tokens(value));
        default -> {}
      }
    }
    byte[] raw = Arrays.copyOfRange(block, Math.min(bodyStart, block.length), block.length);
    byte[] payload = raw;
    if (transfer.contains("chunked")) {
      payload = dechunk(payload);
    }
    String damage = null;
    if (content.isEmpty() && GzipMember.isHeader(payload, 0)) {
      content.add("gzip"); // compressed but not declared: some servers and crawlers drop the header
    }
    for (int i = content.size() - 1; i >= 0; i--) {
      Decoded decoded = decode(content.get(i), payload, max);
      payload = decoded.bytes();
      if (!decoded.complete() && damage == null) {
        damage = content.get(i) + " payload cut short or damaged; the part that decoded is kept";
      }
    }
    if (payload.length > max) {
      payload = Arrays.copyOf(payload, max);
    }
    return new HttpPayload(status, contentType, raw, payload, damage);
  }

  private static List<String> tokens(String value) {
    List<String> out = new ArrayList<>();
    for (String token : value.toLowerCase(Locale.ROOT).split(",")) {
      if (!token.isBlank()) {
        out.add(token.strip());
      }
    }
    return out;
  }

  /**
   * The body with its chunked transfer coding undone, or the body as it is when it does not start
   * with a chunk size (crawlers often store the body already de-chunked but keep the header). A
   * chunk that claims more bytes than are left gives what is left.
   */
  static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
    int p = 0;
    boolean first = true;
    while (p < body.length) {
      int end = indexOf(body, (byte) '\n', p);
      if (end < 0 || end - p > 64) {
        return first ? body : out.toByteArray();
      }
      String line = new String(body, p, end - p, java.nio.charset.StandardCharsets.ISO_8859_1);
      int semi = line.indexOf(';');
      String hex = (semi >= 0 ? line.substring(0, semi) : line).strip();
      long size;
      try {
        size = hex.isEmpty() ? -1 : Long.parseLong(hex, 16);
      } catch (NumberFormatException e) {
        size = -1;
      }
      if (size < 0) {
        if (first) {
          return body; // not chunked after all
        }
        break; // the chunks end in something else: keep what they held
      }
      if (size == 0) {
        break;
      }
      first = false;
      int from = end + 1;
      int n = (int) Math.min(size, body.length - from);
      out.write(body, from, n);
      p = from + n;
      // The chunk's CRLF, leniently: a bare LF, or nothing at the end.
      if (p < body.length && body[p] == '\r') {
        p++;
      }
      if (p < body.length && body[p] == '\n') {
        p++;
      }
    }
    return out.toByteArray();
  }

  /**
   * {@code body} with one content coding undone. Gzip and deflate are tried only when the bytes are
   * what the header says; a coding that fails at the start leaves the body as it is, one that fails
   * midway (a truncated capture) gives what was decoded until then. Unknown or empty codings are
   * identity.
   */
  static Decoded decode(String coding, byte[] body, int max) {
    try {
      return switch (coding) {
        case "gzip", "x-gzip" ->
            GzipMember.isHeader(body, 0)
                ? kept(drain(new GZIPInputStream(new ByteArrayInputStream(body)), max), body)
                : Decoded.as(body);
        case "deflate" -> inflate(body, max);
        case "br" -> {
          Decoded decoded = drain(new BrotliInputStream(new ByteArrayInputStream(body)), max);
          // Brotli has no magic number: a plain body under a lying header decodes into a little
          // garbage before it fails. A body that fails and was markup already stays as it was.
          yield !decoded.complete() && looksLikeMarkup(body)
              ? Decoded.as(body)
              : kept(decoded, body);
        }
        default -> Decoded.as(body); // identity, empty, misspelt or unknown: the bytes as they are
      };
    } catch (IOException | RuntimeException e) {
      return Decoded.as(body); // not even the start decodes: the header lied
    }
  }

  /** Deflate as servers send it: zlib-wrapped by the standard, raw by many servers. */
  private static Decoded inflate(byte[] body, int max) {
    boolean zlib =
        body.length >= 2
            && (body[0] & 0x0F) == 8
            && ((body[0] & 0xFF) << 8 | body[1] & 0xFF) % 31 == 0;
    Inflater inflater = new Inflater(!zlib);
    try {
      return kept(
          drain(new InflaterInputStream(new ByteArrayInputStream(body), inflater), max), body);
    } finally {
      inflater.end();
    }
  }

  /** Decoded bytes, and whether the coding ended properly (not cut short or damaged). */
  record Decoded(byte[] bytes, boolean complete) {
    static Decoded as(byte[] bytes) {
      return new Decoded(bytes, true);
    }
  }

  /** What decoded, or the original (as it is: the header lied) when nothing did. */
  private static Decoded kept(Decoded decoded, byte[] original) {
    return decoded.bytes().length > 0 ? decoded : Decoded.as(original);
  }

  /** Reads {@code in} up to {@code max} bytes; when it fails midway, what it gave until then. */
  private static Decoded drain(InputStream in, int max) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buffer = new byte[8192];
    try (in) {
      int n;
      while (out.size() < max
          && (n = in.read(buffer, 0, Math.min(buffer.length, max - out.size()))) > 0) {
        out.write(buffer, 0, n);
      }
      return new Decoded(out.toByteArray(), true);
    } catch (IOException | RuntimeException e) {
      return new Decoded(out.toByteArray(), false); // cut short or damaged: the part that decoded
    }
  }

  /** Whether {@code body} starts like an HTML or XML page (after blanks and a UTF-8 BOM). */
  private static boolean looksLikeMarkup(byte[] body) {
    int i = 0;
    if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB) {
      i = 3;
    }
    while (i < body.length && body[i] <= ' ' && body[i] >= 0) {
      i++;
    }
    return i < body.length && body[i] == '<';
  }

  private static int indexOf(byte[] b, byte c, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
