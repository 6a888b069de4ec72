package org.sandiq.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * URL normalisation, so that one page has one spelling and the seen-set catches duplicates: http
 * and https only; scheme and host lower-case; default ports dropped; empty path as {@code /}; dot
 * segments removed; fragment and user-info dropped (a crawler never sends credentials it was not
 * given); query parameters sorted, with session ids and empty queries removed.
 */
final class CanonicalUrl {
  /** Query parameters that only identify a visitor's session: the same page under many names. */
  private static final Set<String> SESSION_PARAMS =
      Set.of(
          "jsessionid",
          "phpsessid",
          "sid",
          "sessionid",
          "session_id",
          "aspsessionid",
          "cfid",
          "cftoken");

  private CanonicalUrl() {}

  /**
   * The canonical form of {@code url} resolved against {@code base} (null for an absolute URL), or
   * null when it is not a fetchable http(s) URL.
   */
  static String of(String url, URI base) {
    if (url == null) {
      return null;
    }
    String trimmed = url.strip();
    if (trimmed.isEmpty() || trimmed.length() > 2048) {
      return null;
    }
    try {
      URI uri = parse(trimmed);
      if (base != null) {
        uri = base.resolve(uri);
      }
      return normalize(uri);
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static URI parse(String url) throws URISyntaxException {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      // Links in the wild carry spaces and other unescaped characters: escape what URI refuses.
      return new URI(escape(url));
    }
  }

  private static String escape(String url) {
    StringBuilder out = new StringBuilder();
    for (char c : url.toCharArray()) {
      if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
          || c == '{' || c == '|' || c == '}' || c == 127) {
        out.append(String.format(Locale.ROOT, "%%%02X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String normalize(URI uri) throws URISyntaxException {
    String scheme = uri.getScheme();
    if (scheme == null) {
      return null;
    }
    scheme = scheme.toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return null;
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      return null;
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    int port = uri.getPort();
    if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
      port = -1;
    }
    String path = uri.getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    if (path.charAt(0) != '/') {
      path = "/" + path;
    }
    path = new URI(path).normalize().getRawPath(); // dot segments out, escapes kept as they are
    // Path parameters like ;jsessionid=... are session ids too.
    int semi = path.toLowerCase(Locale.ROOT).indexOf(";jsessionid=");
    if (semi >= 0) {
      path = path.substring(0, semi);
    }
    while (path.startsWith("/..")) {
      path = path.substring(3);
    }
    if (path.isEmpty() || path.charAt(0) != '/') {
      path = "/" + path;
    }
    String query = sortedQuery(uri.getRawQuery());
    StringBuilder out = new StringBuilder(scheme).append("://");
    out.append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
    if (port != -1) {
      out.append(':').append(port);
    }
    out.append(path);
    if (query != null) {
      out.append('?').append(query);
    }
    return out.toString();
  }

  private static String sortedQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    List<String> params = new ArrayList<>();
    for (String param : rawQuery.split("&")) {
      if (param.isEmpty()) {
        continue;
      }
      int eq = param.indexOf('=');
      String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (!SESSION_PARAMS.contains(name)) {
        params.add(param);
      }
    }
    if (params.isEmpty()) {
      return null;
    }
    params.sort(null);
    return String.join("&", params);
  }
}
