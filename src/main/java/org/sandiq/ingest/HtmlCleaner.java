package org.sandiq.ingest;

import java.time.Instant;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Cleans an HTML page with Jsoup: drops what a reader never sees or skips (scripts, styles,
 * navigation, page header and footer, forms, hidden elements), keeps the visible text with one
 * blank line between blocks, and reads the page's own metadata: title, publication date, canonical
 * URL and declared language.
 *
 * <p>Nothing from the page is ever executed or trusted: the output is plain text, and the page's
 * markup is not kept.
 */
final class HtmlCleaner {
  /** Elements whose content is never main text. */
  private static final String INVISIBLE =
      "script, style, noscript, template, svg, math, iframe, object, embed, canvas, head,"
          + " nav, button, select, textarea, input, dialog,"
          + " [hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo],"
          + " [style~=(?i)display:\\s*none], [style~=(?i)visibility:\\s*hidden]";

  /** What even the whole-page baseline leaves out: code and markup a browser does not show. */
  private static final String NOT_TEXT =
      "script, style, noscript, template, svg, math, head, [hidden]";

  /**
   * Option lists and buttons: what a reader picks or presses, not what the page says. A {@code
   * textarea} stays: its text is shown (a page may hold its terms of use in one).
   */
  private static final String FORM_CONTROLS = "select, datalist, button";

  /**
   * The parts of a page that Sandiq keeps.
   *
   * @param otherText the page's visible text that the main text leaves out (menus, link lists,
   *     sidebars, comments), line by line; empty when the main text is all of it
   */
  record Page(
      String title,
      String text,
      Instant date,
      String canonicalUrl,
      String lang,
      String description,
      String otherText) {}

  private HtmlCleaner() {}

  static Page clean(String html, String baseUri) {
    return clean(html, baseUri, Extraction.MAIN_TEXT);
  }

  static Page clean(String html, String baseUri, Extraction extraction) {
    Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
    String canonical = canonicalUrl(doc);
    PageMetadata metadata = PageMetadata.of(doc, canonical != null ? canonical : baseUri);
    String title = metadata.title();
    Instant date = metadata.published();
    String lang = lang(doc);
    Element body = doc.body();
    String text;
    String other = "";
    if (extraction == Extraction.WHOLE_PAGE) {
      body.select(NOT_TEXT).remove();
      text = PlainText.normalize(blockText(body));
    } else {
      String visible = body.text();
      // What a reader sees: the whole page but its code, hidden parts and option lists (all of
      // them invisible to the main text too, so they go from the one tree before the rest does).
      body.select(NOT_TEXT).remove();
      body.select(FORM_CONTROLS).remove();
      String allShown = blockText(body);
      body.select(INVISIBLE).remove();
      text = PlainText.normalize(MainContent.extract(body, lang, title));
      if (text.length() < 200 && visible.length() > 5 * (text.length() + 200)) {
        // Pages that hide their text until a script shows it (a hidden wrapper, a closed
        // "dialog"): what a reader finally sees is more than what is visible without scripts.
        Element all = Jsoup.parse(html, baseUri == null ? "" : baseUri).body();
        all.select(NOT_TEXT).remove();
        // Option lists are no hidden text: a search box's list of options is the densest "prose"
        // of a page of links, and would win over its headings.
        all.select(FORM_CONTROLS).remove();
        text = PlainText.normalize(MainContent.extract(all, lang, title));
      }
      text = PlainText.dropRepeatedShortLines(text);
      other = OtherText.of(allShown, text);
    }
    return new Page(title, text, date, canonical, lang, metadata.description(), other);
  }

  private static String blockText(Element root) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
              out.append(text.text());
            } else if (node instanceof Element element) {
              String tag = element.normalName();
              if (tag.equals("br")) {
                out.append('\n');
              } else if (tag.equals("td") || tag.equals("th")) {
                out.append(' ');
              } else if (BlockSegmenter.BLOCK_TAGS.contains(tag)) {
                out.append("\n\n");
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element element
                && BlockSegmenter.BLOCK_TAGS.contains(element.normalName())) {
              out.append("\n\n");
            }
          }
        },
        root);
    return out.toString();
  }

  private static String canonicalUrl(Document doc) {
    Element link = doc.selectFirst("link[rel=canonical][href]");
    if (link != null && !link.absUrl("href").isEmpty()) {
      return link.absUrl("href");
    }
    String og = meta(doc, "meta[property=og:url]");
    return og == null || og.isBlank() ? null : og.strip();
  }

  private static String lang(Document doc) {
    Element html = doc.selectFirst("html[lang]");
    if (html == null) {
      return null;
    }
    String lang = html.attr("lang").strip().toLowerCase(Locale.ROOT);
    int dash = lang.indexOf('-');
    lang = dash > 0 ? lang.substring(0, dash) : lang;
    return lang.matches("[a-z]{2,3}") ? lang : null;
  }

  private static String meta(Document doc, String selector) {
    Element e = doc.selectFirst(selector);
    return e == null ? null : e.attr("content");
  }

  private static String text(Element e) {
    return e == null ? null : e.text();
  }
}
