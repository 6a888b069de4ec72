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
  /** Names of parts that are not the article: widgets, navigation, comments, promotion. */
  private static final Pattern BOILERPLATE =
      Pattern.compile(
          "comment|disqus|share|sharing|social|related|recommend|newsletter|subscri|signup"
              + "|sign-up|promo|sponsor|advert|cookie|consent|gdpr|popup|modal|sidebar|widget"
              + "|breadcrumb|pagination|pager|navbar|navigation|footer|masthead|toolbar|outbrain"
              + "|taboola|trending|most-popular|mostpopular|more-stories|read-more|readmore"
              + "|jump-link|author-bio|authorbio|byline|tag-list|taglist|skip-link|print-only"
              + "|hidden|visually-hidden|sr-only|screen-reader|caption-credit|credit|copyright"
              + "|disclaimer|rating|login|banner|teaser|carousel|slideshow|gallery|follow|caption"
              + "|photo|image|video|player|timestamp|dateline|published"
              + "|(^|[\\s_-])(ad|ads|nav|menu|tags|header|meta|aside|extra|nocontent|share)s?($|[\\s_-])");

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

  /** Whether the names say boilerplate and do not also say content. */
  static boolean boilerplate(Element e) {
    String names = names(e);
    return !names.isEmpty()
        && BOILERPLATE.matcher(names).find()
        && !CONTENT.matcher(names).find();
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
    if (BOILERPLATE.matcher(names).find()) {
      w -= 25;
    }
    return w;
  }
}
