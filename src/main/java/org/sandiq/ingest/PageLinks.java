package org.sandiq.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The links of an HTML page as a crawler sees them: hrefs resolved against the page (or its {@code
 * <base>}), without {@code rel=nofollow} links, and the page's {@code <meta name=robots>} wishes.
 * It lives in ingest because Jsoup is used only here; the crawler calls it.
 *
 * @param links absolute link targets in page order, duplicates kept (the crawler normalises them)
 * @param noindex the page asks not to be kept or indexed
 * @param nofollow the page asks that none of its links be followed ({@code links} is then empty)
 */
public record PageLinks(List<String> links, boolean noindex, boolean nofollow) {

  /**
   * Parses {@code html} (decoded with {@code charset}, or sniffed by Jsoup when null) as the page
   * at {@code pageUrl}.
   */
  public static PageLinks of(byte[] html, String charset, String pageUrl) {
    Document doc;
    try {
      doc = Jsoup.parse(new ByteArrayInputStream(html), charset, pageUrl);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array never fails to read
    } catch (IllegalArgumentException e) {
      // An unknown charset name in the header: let Jsoup sniff instead.
      try {
        doc = Jsoup.parse(new ByteArrayInputStream(html), null, pageUrl);
      } catch (IOException io) {
        throw new UncheckedIOException(io);
      }
    }
    boolean noindex = false;
    boolean nofollow = false;
    for (Element meta : doc.select("meta[name]")) {
      String name = meta.attr("name").toLowerCase(Locale.ROOT);
      if (!name.equals("robots")) {
        continue;
      }
      String content = meta.attr("content").toLowerCase(Locale.ROOT);
      noindex |= content.contains("noindex") || content.contains("none");
      nofollow |= content.contains("nofollow") || content.contains("none");
    }
    if (nofollow) {
      return new PageLinks(List.of(), noindex, true);
    }
    List<String> links = new ArrayList<>();
    for (Element a : doc.select("a[href], area[href]")) {
      if (hasToken(a.attr("rel"), "nofollow")) {
        continue;
      }
      add(links, a.absUrl("href"));
    }
    for (Element frame : doc.select("frame[src], iframe[src]")) {
      add(links, frame.absUrl("src"));
    }
    return new PageLinks(List.copyOf(links), noindex, false);
  }

  private static void add(List<String> links, String url) {
    if (!url.isEmpty()) {
      links.add(url);
    }
  }

  private static boolean hasToken(String value, String token) {
    for (String part : value.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (part.equals(token)) {
        return true;
      }
    }
    return false;
  }
}
