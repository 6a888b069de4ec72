package org.sandiq.ingest;

import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Cleans a plain-text document: stray HTML tags and character entities left over from scraping are
 * removed, whitespace is normalised, repeated teaser labels are dropped, and the first line becomes
 * the title when it reads like one.
 */
final class TextCleaner {
  /** A tag: {@code <} then a letter, {@code /} or {@code !}, up to the next {@code >}. */
  private static final Pattern TAG = Pattern.compile("</?[A-Za-z!][^<>]{0,500}>");

  /** Title and text of a text document. */
  record Text(String title, String text) {}

  private TextCleaner() {}

  static Text clean(String raw) {
    String text = raw.indexOf('<') >= 0 ? TAG.matcher(raw).replaceAll(" ") : raw;
    if (text.indexOf('&') >= 0) {
      text = Parser.unescapeEntities(text, false);
    }
    text = PlainText.dropRepeatedShortLines(PlainText.normalize(text));
    int firstBreak = text.indexOf('\n');
    String firstLine = firstBreak < 0 ? text : text.substring(0, firstBreak);
    if (firstBreak > 0 && PlainText.looksLikeTitle(firstLine)) {
      return new Text(firstLine, text.substring(firstBreak).strip());
    }
    return new Text(null, text);
  }
}
