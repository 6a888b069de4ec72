package org.sandiq.ingest;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What an element's {@code class} and {@code id} say about it. Page templates name their parts
 * ("sidebar", "share-buttons", "related-posts", "article-body"), and these names generalise across
 * sites far better than any one site's layout: they are hints weighed with the text, never rules
 * for one site.
 */
final class ClassHints {
  /**
   * Names of parts that are never the article: navigation, comments, sharing, promotion, related
   * links, footers.
   */
  private static final Pattern BOILERPLATE =
      Pattern.compile(
          "comment|disqus|share|sharing|social|related|recommend|newsletter|subscri|signup"
              + "|sign-up|promo|sponsor|advert|cookie|consent|gdpr|popup|modal|sidebar"
              + "|breadcrumb|pagination|pager|navbar|navigation|footer|masthead|toolbar|outbrain"
              + "|taboola|trending|most-popular|mostpopular|more-stories|read-more|readmore"
              + "|jump-link|author-bio|authorbio|byline|tag-list|taglist|skip-link|print-only"
              + "|copyright|disclaimer|login"
              + "|(^|[\\s_-])(ad|ads|nav|menu|tags|share)s?($|[\\s_-])");

  /**
   * Names of parts that are usually not the article's text (captions, media, widgets, page header),
   * but that some templates also give to the article's own sections.
   */
  private static final Pattern SECONDARY =
      Pattern.compile(
          "widget|hidden|visually-hidden|sr-only|screen-reader|credit|rating|banner|teaser"
              + "|carousel|slideshow|gallery|follow|caption|photo|image|video|player|timestamp"
              + "|dateline|published"
              + "|(^|[\\s_-])(header|meta|aside|extra|nocontent)s?($|[\\s_-])");

  /** Names of the article's own parts. */
  private static final Pattern CONTENT =
      Pattern.compile(
          "article|body|content|entry|main|post|story|text|blog|hentry|prose|rich-text|richtext");

  private ClassHints() {}

  /** The element's class and id, lower-case, space-separated. */
  static String names(Element e) {
    String cls = e.className();
    String id = e.id();
    if (cls.isEmpty() && id.isEmpty()) {
      return "";
    }
    return (cls + " " + id).toLowerCase(Locale.ROOT);
  }

  /** How sure the names are that an element is not the article. */
  enum Boilerplate {
    /** Nothing in the names says so, or they also say content. */
    NO,
    /** Usually not the article (a caption, a gallery, a widget). */
    LIKELY,
    /** Never the article (comments, share buttons, related links, footer). */
    SURE
  }

  /** What the names say, content names overriding boilerplate ones. */
  static Boilerplate boilerplate(Element e) {
    String names = names(e);
    if (names.isEmpty() || CONTENT.matcher(names).find()) {
      return Boilerplate.NO;
    }
    if (BOILERPLATE.matcher(names).find()) {
      return Boilerplate.SURE;
    }
    return SECONDARY.matcher(names).find() ? Boilerplate.LIKELY : Boilerplate.NO;
  }

  /** A weight for container scoring: +25 for content names, -25 for boilerplate names. */
  static int weight(Element e) {
    String names = names(e);
    if (names.isEmpty()) {
      return 0;
    }
    int w = 0;
    if (CONTENT.matcher(names).find()) {
      w += 25;
    }
    if (BOILERPLATE.matcher(names).find() || SECONDARY.matcher(names).find()) {
      w -= 25;
    }
    return w;
  }
}
