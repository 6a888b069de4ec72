package org.sandiq.ingest;

import java.util.HashSet;
import java.util.Set;

/**
 * The visible text of a page that its main text leaves out: menus, link lists, sidebars, table
 * cells of the template, comments.
 *
 * <p>Why. The main text is what a page says, and ranking rightly reads that alone; but an archive
 * is searched for pages as they were, and a reader who saw a word on a page (a menu entry, the
 * title of a linked report, a name in a side column) expects its words to find it. Probing real
 * archives of other projects with words drawn from each page's visible text found about a third of
 * the pages missed for that reason alone. This text is indexed apart, weighed low, never shown.
 */
final class OtherText {
  /** At most this much of a page's other text is kept: a page of a million links is not read. */
  static final int MAX_CHARS = 100_000;

  private OtherText() {}

  /**
   * The lines of {@code shown} (a page's visible text, blocks apart) that are not lines of {@code
   * mainText}, whitespace normalised, one per line, up to {@link #MAX_CHARS}.
   */
  static String of(String shown, String mainText) {
    Set<String> main = new HashSet<>();
    for (String line : mainText.split("\n")) {
      String l = line.strip();
      if (!l.isEmpty()) {
        main.add(l);
      }
    }
    StringBuilder out = new StringBuilder();
    for (String line : PlainText.normalize(shown).split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || main.contains(l)) {
        continue;
      }
      if (out.length() + l.length() + 1 > MAX_CHARS) {
        break;
      }
      out.append(l).append('\n');
    }
    return out.toString();
  }
}
