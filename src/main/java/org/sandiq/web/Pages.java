package org.sandiq.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The browser side: the search page, the document view and their script and style, served from the
 * jar (no CDN, so it works offline). Pages are static; the script fills them from the JSON API and
 * only ever inserts text nodes, so nothing from a document is parsed as markup.
 */
final class Pages {
  /** The files under {@code /static/}, with their content types: nothing else is served. */
  static final Map<String, String> ASSETS =
      Map.of(
          "app.js", "text/javascript; charset=utf-8",
          "doc.js", "text/javascript; charset=utf-8",
          "timeline.js", "text/javascript; charset=utf-8",
          "common.js", "text/javascript; charset=utf-8",
          "i18n.js", "text/javascript; charset=utf-8",
          "style.css", "text/css; charset=utf-8",
          "openapi.json", "application/json; charset=utf-8");

  private Pages() {}

  /** The bytes of resource {@code web/name}. */
  static byte[] resource(String name) {
    try (InputStream in = Pages.class.getResourceAsStream("/web/" + name)) {
      if (in == null) {
        throw new IllegalStateException("resource web/" + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String errorPage(int status, String message) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + status
        + " · Sandiq</title><link rel=\"stylesheet\" href=\"/static/style.css\"></head>"
        + "<body><main class=\"error\"><h1>"
        + status
        + "</h1><p>"
        + escape(message)
        + "</p><p><a href=\"/\">Back to search</a></p></main></body></html>";
  }

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
