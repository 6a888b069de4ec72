package org.sandiq.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about itself: its title, when it was published, and how it describes itself.
 * Each is taken from the most explicit source first: Open Graph and article metadata, then JSON-LD,
 * then the visible page ({@code <h1>}, {@code <time>}), then the {@code <title>} (cleaned of the
 * site name) and the URL ({@code /2019/11/19/}).
 *
 * @param title the article's title, or null
 * @param published when it was published, or null
 * @param description the page's own summary ({@code meta description}, {@code og:description}), or
 *     null
 * @param siteName the site's name as the page gives it ({@code og:site_name}), or null
 */
record PageMetadata(String title, Instant published, String description, String siteName) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Separators between a headline and the site name in {@code <title>}: "Headline | Site". */
  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|–—·•:»-]{1,2}\\s+");

  /** A date in a URL path: /2019/11/19/, /2019-11-19-, /20191119/. */
  private static final Pattern URL_DATE =
      Pattern.compile(
          "[/_-]((?:19|20)\\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\\d|3[01])(?:[/_.-]|$)");

  private static final String[] DATE_META = {
    "meta[property=article:published_time]",
    "meta[name=article:published_time]",
    "meta[itemprop=datePublished]",
    "meta[name=pubdate]",
    "meta[name=publishdate]",
    "meta[name=publish-date]",
    "meta[name=parsely-pub-date]",
    "meta[name=sailthru.date]",
    "meta[name=date]",
    "meta[name=dc.date]",
    "meta[name=dcterms.date]",
    "meta[name=DC.date.issued]",
    "meta[name=dcterms.created]",
    "meta[property=og:published_time]"
  };

  /** Reads the metadata of {@code doc}, whose URL (for dates in the path) is {@code url}. */
  static PageMetadata of(Document doc, String url) {
    String siteName = clean(meta(doc, "meta[property=og:site_name]"));
    return new PageMetadata(title(doc, siteName), published(doc, url), description(doc), siteName);
  }

  private static String title(Document doc, String siteName) {
    String og = clean(meta(doc, "meta[property=og:title]"));
    if (og == null) {
      og = clean(meta(doc, "meta[name=twitter:title]"));
    }
    if (og != null) {
      return withoutSiteName(og, siteName);
    }
    Element h1 = doc.selectFirst("h1");
    String heading = h1 == null ? null : clean(h1.text());
    String title = clean(doc.title());
    if (heading != null && title != null && title.contains(heading)) {
      return heading; // the <title> is the headline plus the site name
    }
    if (title != null) {
      return withoutSiteName(title, siteName);
    }
    return heading;
  }

  /**
   * {@code title} without a site name joined to it ("Headline | Example News"): the part that is
   * the site name, or, without one given, a last part much shorter than the rest.
   */
  static String withoutSiteName(String title, String siteName) {
    String[] parts = TITLE_SEPARATOR.split(title);
    if (parts.length < 2) {
      return title;
    }
    String site = siteName == null ? null : siteName.toLowerCase(Locale.ROOT);
    String first = parts[0].strip();
    String last = parts[parts.length - 1].strip();
    if (site != null) {
      if (last.toLowerCase(Locale.ROOT).equals(site)) {
        return title
            .substring(0, title.lastIndexOf(last))
            .replaceAll(TITLE_SEPARATOR + "$", "")
            .strip();
      }
      if (first.toLowerCase(Locale.ROOT).equals(site)) {
        return title
            .substring(title.indexOf(first) + first.length())
            .replaceFirst("^" + TITLE_SEPARATOR, "")
            .strip();
      }
    }
    String rest =
        title.substring(0, title.lastIndexOf(last)).replaceAll(TITLE_SEPARATOR + "$", "").strip();
    if (last.split(" ").length <= 3 && rest.length() >= 2 * last.length() && rest.length() >= 15) {
      return rest;
    }
    return title;
  }

  private static Instant published(Document doc, String url) {
    for (String selector : DATE_META) {
      Instant date = Dates.parse(meta(doc, selector));
      if (date != null) {
        return date;
      }
    }
    Instant date = jsonLdDate(doc);
    if (date != null) {
      return date;
    }
    for (Element time : doc.select("time[datetime]")) {
      date = Dates.parse(time.attr("datetime"));
      if (date != null) {
        return date;
      }
    }
    return urlDate(url);
  }

  /** {@code datePublished} of the first JSON-LD object that has one (an article, mostly). */
  private static Instant jsonLdDate(Document doc) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      try {
        JsonNode node = JSON.readTree(script.data());
        Instant date = findDate(node, 0);
        if (date != null) {
          return date;
        }
      } catch (IOException e) {
        // malformed JSON-LD is common; the other sources still count
      }
    }
    return null;
  }

  private static Instant findDate(JsonNode node, int depth) {
    if (node == null || depth > 4) {
      return null;
    }
    if (node.isObject()) {
      Instant date = Dates.parse(node.path("datePublished").asText(null));
      if (date != null) {
        return date;
      }
      for (JsonNode child : node) {
        date = findDate(child, depth + 1);
        if (date != null) {
          return date;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        Instant date = findDate(child, depth + 1);
        if (date != null) {
          return date;
        }
      }
    }
    return null;
  }

  /** A date in the URL's path, at midnight UTC, or null. */
  static Instant urlDate(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = URL_DATE.matcher(url);
    if (!m.find()) {
      return null;
    }
    try {
      return Dates.parse(
          LocalDate.of(
                  Integer.parseInt(m.group(1)),
                  Integer.parseInt(m.group(2)),
                  Integer.parseInt(m.group(3)))
              .atStartOfDay()
              .toInstant(ZoneOffset.UTC)
              .toString());
    } catch (java.time.DateTimeException e) {
      return null; // 2019/02/31
    }
  }

  private static String description(Document doc) {
    String d = clean(meta(doc, "meta[name=description]"));
    return d != null ? d : clean(meta(doc, "meta[property=og:description]"));
  }

  private static String meta(Document doc, String selector) {
    Element e = doc.selectFirst(selector);
    return e == null ? null : e.attr("content");
  }

  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String c = PlainText.normalize(s).replace('\n', ' ').strip();
    return c.isEmpty() ? null : c;
  }
}
