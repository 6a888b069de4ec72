package org.sandiq.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The last pass over the blocks of the article's container: drops link lists, repeated blocks (a
 * caption shown twice, a teaser label under every item) and the short, prose-less lines that
 * templates put before and after an article (headline repeats, bylines, dates, "Tags:", "Explore
 * further").
 */
final class BlockFilter {
  /** A block at least this long, with few links, is prose: the article starts and ends with it. */
  private static final int PROSE_CHARS = 80;

  private BlockFilter() {}

  static List<TextBlock> filter(List<TextBlock> blocks, StopWords stopWords, String title) {
    List<TextBlock> kept = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String titleKey = title == null ? "" : key(title);
    for (TextBlock b : blocks) {
      if (b.linkDensity() > 0.5) {
        continue;
      }
      String key = key(b.text());
      if (key.length() >= 20 && !seen.add(key)) {
        continue;
      }
      if (b.owner().normalName().equals("h1")
          && !titleKey.isEmpty()
          && (titleKey.contains(key) || key.contains(titleKey))) {
        continue; // the headline: kept as the document's title, not repeated in its text
      }
      kept.add(b);
    }
    int first = -1;
    int last = -1;
    for (int i = 0; i < kept.size(); i++) {
      if (prose(kept.get(i))) {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    if (first < 0) {
      return kept;
    }
    List<TextBlock> out = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      TextBlock b = kept.get(i);
      // A subheading right above the first paragraph opens the article; the h1 is the title.
      boolean leadHeading = i == first - 1 && b.heading() && !b.owner().normalName().equals("h1");
      if (i >= first && i <= last || leadHeading || sentence(b, stopWords)) {
        out.add(b);
      }
    }
    return out;
  }

  private static boolean prose(TextBlock b) {
    return b.text().length() >= PROSE_CHARS && b.linkDensity() < 0.3;
  }

  /** Whether a short block outside the article's prose still reads as a sentence of it. */
  private static boolean sentence(TextBlock b, StopWords stopWords) {
    String text = b.text();
    if (b.heading() || b.linkDensity() > 0.2) {
      return false;
    }
    if (b.owner().normalName().equals("li") && b.linkDensity() == 0) {
      return true; // a list item without links: a list of the article, not a menu
    }
    int words = text.split("\\s+").length;
    if (words < 6) {
      return false;
    }
    char end = text.charAt(text.length() - 1);
    boolean punctuated = ".!?…\"”»:".indexOf(end) >= 0;
    return stopWords == null ? punctuated : punctuated && stopWords.density(text) >= 0.2;
  }

  private static String key(String text) {
    return text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
  }
}
