package org.sandiq.crawl;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request and its response, as the crawler archives and reads it.
 *
 * @param url the canonical URL requested
 * @param address the address connected to (WARC-IP-Address); null when recovered from a WARC file
 *     without one
 * @param date when the request was sent
 * @param requestHeaders the request's headers as sent (the client adds only {@code Host}, {@code
 *     Connection} and {@code Content-Length})
 * @param status the response status
 * @param responseHeaders the response's headers, names as received, transfer coding removed
 * @param body the payload (after transfer decoding), possibly cut at the size limit
 * @param truncated whether {@code body} was cut
 */
record Exchange(
    String url,
    InetAddress address,
    Instant date,
    List<Map.Entry<String, String>> requestHeaders,
    int status,
    List<Map.Entry<String, String>> responseHeaders,
    byte[] body,
    boolean truncated) {

  Optional<String> header(String name) {
    for (Map.Entry<String, String> h : responseHeaders) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return Optional.of(h.getValue());
      }
    }
    return Optional.empty();
  }

  /** The media type without parameters, lower-case; empty when there is none. */
  String mediaType() {
    String type = header("Content-Type").orElse("");
    int semi = type.indexOf(';');
    return (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /** The charset parameter of the content type, or null. */
  String charset() {
    String type = header("Content-Type").orElse("");
    for (String part : type.split(";")) {
      String p = part.strip();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        return p.substring(8).replace("\"", "").strip();
      }
    }
    return null;
  }

  boolean isHtml() {
    String type = mediaType();
    return type.equals("text/html") || type.equals("application/xhtml+xml");
  }

  boolean isRedirect() {
    return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
        && header("Location").isPresent();
  }
}
