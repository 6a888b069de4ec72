package org.sandiq.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Probes for the archive measure, computed apart from Sandiq's own reader: jwarc (lenient) lists
 * the HTML pages a file holds, Jsoup gives each page's visible text, and three words from the
 * page's longest paragraph become the probe. A file jwarc cannot read to its end yields the pages
 * before the point where it stopped.
 */
final class PageProbes {
  private static final Pattern WORD = Pattern.compile("\\p{L}{6,}");

  /** One probe: the page's captured URL and words from its visible text. */
  record Probe(String file, String url, String words) {}

  private PageProbes() {}

  /** Up to {@code perFile} probes for the HTML pages of {@code file}. */
  static List<Probe> of(Path file, String name, int perFile) {
    List<Probe> probes = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    try (WarcReader reader = new WarcReader(file)) {
      reader.setLenient(true);
      while (probes.size() < perFile) {
        Optional<WarcRecord> next = reader.next();
        if (next.isEmpty()) {
          break;
        }
        Probe probe = probe(next.get(), name);
        if (probe != null && seen.add(probe.url() + " " + probe.words())) {
          probes.add(probe);
        }
      }
    } catch (IOException | RuntimeException e) {
      // the pages before the damage are the probes
    }
    return probes;
  }

  private static Probe probe(WarcRecord record, String name) {
    try {
      byte[] body;
      MediaType type;
      String url;
      if (record instanceof WarcResponse response
          && response.contentType().base().equals(MediaType.HTTP)) {
        HttpResponse http = response.http();
        if (http.status() != 200) {
          return null;
        }
        type = http.contentType();
        body = http.bodyDecoded().stream().readNBytes(8 << 20);
        url = response.target();
      } else if (record instanceof WarcResource resource) {
        type = resource.contentType();
        body = resource.body().stream().readNBytes(8 << 20);
        url = resource.target();
      } else {
        return null;
      }
      if (!type.base().toString().equalsIgnoreCase("text/html")) {
        return null;
      }
      String words = words(visibleParagraph(decode(body, type)));
      return words == null ? null : new Probe(name, url, words);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String decode(byte[] body, MediaType type) {
    String charset = type.parameters().get("charset");
    try {
      if (charset != null) {
        return new String(body, Charset.forName(charset.trim()));
      }
    } catch (IllegalArgumentException e) {
      // fall through to UTF-8
    }
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The longest paragraph of visible text: what any reader of the page would call its content. A
   * {@code <p>} when the page has one, else the longest other text block (a list item, a cell).
   */
  private static String visibleParagraph(String html) {
    Document doc = Jsoup.parse(html);
    doc.select("script, style, noscript, template, head, select, textarea, button").remove();
    String best = longest(doc.body().select("p"));
    if (best.isEmpty()) {
      best = longest(doc.body().select("li, td, dd, blockquote, h1, h2"));
    }
    return best.isEmpty() ? doc.body().text() : best;
  }

  private static String longest(List<Element> elements) {
    String best = "";
    for (Element e : elements) {
      String text = e.text();
      if (text.length() > best.length()) {
        best = text;
      }
    }
    return best;
  }

  /** Three distinct long words from the middle of {@code text}, or null when it has too few. */
  private static String words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      if (!words.contains(w)) {
        words.add(w);
      }
    }
    if (words.size() < 3) {
      return null;
    }
    int mid = words.size() / 2;
    int from = Math.max(0, mid - 1);
    return String.join(" ", words.subList(from, from + 3));
  }
}
