package org.sandiq.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.sandiq.search.StoredDocument;

/**
 * Memento TimeMaps (RFC 7089): the captures of one URL in the link format of RFC 6690, so wayback
 * tools and Memento clients (and aggregators) can read what Sandiq holds of a page. Each memento is
 * the capture's document view; its {@code datetime} is the capture date in RFC 1123 form, as the
 * RFC asks.
 */
final class TimeMaps {
  static final String MEDIA_TYPE = "application/link-format";

  /** Most mementos listed in one TimeMap. */
  static final int MAX_MEMENTOS = 10_000;

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).withLocale(Locale.ROOT);

  private TimeMaps() {}

  /**
   * The TimeMap of {@code original}'s {@code captures} (oldest first), served under {@code base}.
   */
  static String linkFormat(String base, String original, List<StoredDocument.Related> captures) {
    List<StoredDocument.Related> dated = captures.stream().filter(c -> c.date() != null).toList();
    StringBuilder out = new StringBuilder();
    out.append('<').append(escape(original)).append(">; rel=\"original\",\n");
    out.append('<')
        .append(base)
        .append("/timemap/link/")
        .append(escape(original))
        .append(">; rel=\"self\"; type=\"")
        .append(MEDIA_TYPE)
        .append('"');
    if (!dated.isEmpty()) {
      out.append("; from=\"")
          .append(httpDate(dated.get(0).date()))
          .append("\"; until=\"")
          .append(httpDate(dated.get(dated.size() - 1).date()))
          .append('"');
    }
    for (int i = 0; i < dated.size(); i++) {
      StoredDocument.Related c = dated.get(i);
      String rel = "memento";
      if (i == 0) {
        rel = dated.size() == 1 ? "first last memento" : "first memento";
      } else if (i == dated.size() - 1) {
        rel = "last memento";
      }
      out.append(",\n<")
          .append(base)
          .append("/doc/")
          .append(java.net.URLEncoder.encode(c.id(), java.nio.charset.StandardCharsets.UTF_8))
          .append(">; rel=\"")
          .append(rel)
          .append("\"; datetime=\"")
          .append(httpDate(c.date()))
          .append('"');
    }
    return out.append('\n').toString();
  }

  static String httpDate(String iso) {
    return HTTP_DATE.format(Instant.parse(iso));
  }

  /** A URL inside {@code <…>}: the characters that would end or break the link are escaped. */
  private static String escape(String url) {
    return url.replace(">", "%3E").replace("<", "%3C").replace("\n", "").replace("\r", "");
  }
}
