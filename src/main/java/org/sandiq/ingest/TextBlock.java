package org.sandiq.ingest;

import org.jsoup.nodes.Element;

/**
 * One block of a page's text, as a reader sees it: a paragraph, heading, list item, table cell or
 * the loose text of a container.
 *
 * @param text the block's text, whitespace normalised, line breaks kept
 * @param linkChars how many of its characters are inside links
 * @param owner the innermost block element the text belongs to
 * @param index the block's position in document order (0-based)
 */
record TextBlock(String text, int linkChars, Element owner, int index) {

  /** Share of the text inside links: near 1 for menus and teaser lists, near 0 for prose. */
  double linkDensity() {
    return text.isEmpty() ? 0 : Math.min(1.0, (double) linkChars / text.length());
  }

  /** Whether the block is a heading ({@code h1}…{@code h6}). */
  boolean heading() {
    String tag = owner.normalName();
    return tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1));
  }
}
