package org.sandiq.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the header of one WARC or ARC record says, read leniently: any WARC version ({@code
 * WARC/0.17}, {@code WARC/0.18} of early Heritrix), lines ending in LF alone, header bytes that are
 * not UTF-8 (read as Latin-1), ARC URLs with spaces in them, dates cut short.
 *
 * @param offset the record's address in its file: the byte offset of its header, or for a
 *     compressed file its gzip member's offset (plus its index in the member when a member holds
 *     more than one record)
 * @param version {@code WARC/1.0} and the like, or {@code ARC} for an ARC record
 * @param type the WARC-Type, lower case; for ARC {@code warcinfo} for the file description and
 *     {@code response} for everything else (ARC has no other kind)
 * @param targetUri the captured URL (WARC-Target-URI, the ARC URL), or null
 * @param date when it was captured (WARC-Date, the ARC date), or null when missing or unreadable
 * @param contentType the Content-Type of the record's block (for ARC, the captured payload's type)
 * @param length the length of the block in bytes
 * @param fields every WARC named field, by lower-case name (first value); empty for ARC
 */
record RecordHeader(
    long offset,
    String version,
    String type,
    String targetUri,
    Instant date,
    String contentType,
    long length,
    Map<String, String> fields) {

  private static final Pattern WARC_VERSION = Pattern.compile("WARC/\\d+\\.\\d+\\s*");
  private static final Pattern ARC_DATE = Pattern.compile("\\d{8,18}");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final DateTimeFormatter ARC_DATE_FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  /** The value of a WARC named field, or null. */
  String field(String name) {
    return fields.get(name.toLowerCase(Locale.ROOT));
  }

  boolean isArc() {
    return version.equals("ARC");
  }

  /** Whether {@code line} is the first line of a WARC record. */
  static boolean isWarcStart(String line) {
    return WARC_VERSION.matcher(line).matches();
  }

  /**
   * The fields of an ARC header line ({@code URL IP date type length}), or null when it is none.
   */
  static List<String> arcFields(String line, int fieldCount) {
    String[] tokens = line.strip().split(" +");
    if (fieldCount < 5) {
      return null;
    }
    if (tokens.length < fieldCount) {
      return fieldCount == 5 ? anchoredOnAddress(tokens) : null;
    }
    // The URL is the first field and the only one that may hold spaces: count from the right.
    int urlEnd = tokens.length - fieldCount + 1;
    String url = String.join("%20", java.util.Arrays.asList(tokens).subList(0, urlEnd));
    List<String> fields = new java.util.ArrayList<>(List.of(url));
    fields.addAll(java.util.Arrays.asList(tokens).subList(urlEnd, tokens.length));
    boolean looksLikeArc =
        url.indexOf(':') > 0 && ARC_DATE.matcher(fields.get(2)).matches() && !url.startsWith("<");
    if (looksLikeArc) {
      return fields;
    }
    return fieldCount == 5 ? anchoredOnAddress(tokens) : null;
  }

  /**
   * A version-1 header the count from the right refused, read from its IP address instead, as
   * Alexa's and the Internet Archive's crawlers of the late 1990s wrote some: a content type with a
   * space in it ({@code text/html; Charset=iso-8859-1}: six fields), an empty type (four), or a
   * date field that holds no date (a hex string). The URL is what comes before the first IPv4
   * address, the date the field after it (no date when it is none), the length the last field, the
   * type what lies between. Null when the line has no such shape.
   */
  private static List<String> anchoredOnAddress(String[] tokens) {
    int ip = 1;
    while (ip < tokens.length && !IPV4.matcher(tokens[ip]).matches()) {
      ip++;
    }
    int last = tokens.length - 1;
    if (ip + 1 >= last
        || tokens[0].indexOf(':') <= 0
        || tokens[0].startsWith("<")
        || !tokens[last].matches("\\d{1,18}")) {
      return null;
    }
    List<String> fields = new java.util.ArrayList<>();
    fields.add(String.join("%20", java.util.Arrays.asList(tokens).subList(0, ip)));
    fields.add(tokens[ip]);
    fields.add(tokens[ip + 1]);
    fields.add(String.join(" ", java.util.Arrays.asList(tokens).subList(ip + 2, last)));
    fields.add(tokens[last]);
    return fields;
  }

  /**
   * The header of an ARC record from its fields ({@link #arcFields}).
   *
   * @throws IngestException when the length field is not a length
   */
  static RecordHeader arc(long offset, List<String> fields) throws IngestException {
    String url = fields.get(0);
    String length = fields.get(fields.size() - 1);
    long n = parseLength(length);
    String type = url.startsWith("filedesc:") ? "warcinfo" : "response";
    return new RecordHeader(
        offset, "ARC", type, url, arcDate(fields.get(2)), fields.get(3), n, Map.of());
  }

  /**
   * The header of a WARC record from its version line and field lines.
   *
   * @throws IngestException when it has no usable Content-Length
   */
  static RecordHeader warc(long offset, String versionLine, List<byte[]> lines)
      throws IngestException {
    Map<String, String> fields = new TreeMap<>();
    String last = null;
    for (byte[] raw : lines) {
      String line = text(raw);
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
        fields.put(last, fields.get(last) + " " + line.strip()); // a folded line continues
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue; // not a field: ignored, as lenient readers do
      }
      last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      fields.putIfAbsent(last, line.substring(colon + 1).strip());
    }
    String length = fields.get("content-length");
    if (length == null) {
      throw new IngestException("WARC record without Content-Length");
    }
    String type = fields.getOrDefault("warc-type", "").toLowerCase(Locale.ROOT);
    return new RecordHeader(
        offset,
        versionLine.strip(),
        type,
        uri(fields.get("warc-target-uri")),
        Dates.parse(fields.get("warc-date")),
        fields.get("content-type"),
        parseLength(length),
        fields);
  }

  private static long parseLength(String value) throws IngestException {
    try {
      long n = Long.parseLong(value.strip());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IngestException("invalid record length '" + abbreviate(value) + "'");
  }

  /** A WARC-Target-URI as written, without the angle brackets of WARC/1.0 drafts. */
  private static String uri(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.startsWith("<") && v.endsWith(">")) {
      v = v.substring(1, v.length() - 1).strip();
    }
    return v.replace(" ", "%20");
  }

  /** An ARC date: 14 digits, though shorter and longer ones occur (padded or cut to 14). */
  private static Instant arcDate(String digits) {
    String d = digits.length() >= 14 ? digits.substring(0, 14) : digits;
    d = d + "00000000000000".substring(d.length());
    try {
      return LocalDateTime.parse(d, ARC_DATE_FORMAT).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Header bytes as text: UTF-8 when they are valid UTF-8, else Latin-1 (every byte a char). */
  static String text(byte[] bytes) {
    String utf8 = TextDecoder.strictUtf8(bytes);
    return utf8 != null ? utf8 : new String(bytes, StandardCharsets.ISO_8859_1);
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
