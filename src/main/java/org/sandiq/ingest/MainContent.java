package org.sandiq.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Finds the main text of a page: the article, without menus, teasers, share widgets, comments and
 * footers. No rule names a site; every decision weighs what generalises across pages:
 *
 * <ol>
 *   <li>the page is cut into blocks ({@link BlockSegmenter});
 *   <li>parts whose {@code class}/{@code id} name boilerplate ({@link ClassHints}) are set aside,
 *       unless they hold most of the page's prose (a template that calls the whole page
 *       "sidebar-layout" is not a sidebar);
 *   <li>each prose block scores its ancestors (more for longer text with commas, less the further
 *       up), weighed by tag, class hints and link density; the best-scoring element is the
 *       article's container, joined by siblings that score nearly as well;
 *   <li>inside it, blocks that are mostly links, or short and unlike prose (few stop words, no
 *       sentence punctuation) at the edges of the article, are dropped.
 * </ol>
 */
final class MainContent {
  private static final int PROSE_CHARS = 80;

  /** Siblings of the container that join it on their own text (not only on their score). */
  private static final Set<String> PARAGRAPH_TAGS =
      Set.of("p", "blockquote", "pre", "ul", "ol", "table", "h2", "h3", "h4", "h5", "h6");

  private MainContent() {}

  /** The main text under {@code body}: blocks separated by a blank line. */
  static String extract(Element body, String langHint, String title) {
    Map<Element, Integer> allTables = DataTables.all(body);
    Set<Element> dataTables = DataTables.content(body, allTables);
    List<TextBlock> blocks = BlockSegmenter.segment(body, dataTables);
    if (blocks.isEmpty()) {
      return "";
    }
    Set<Element> dropped = boilerplateParts(body, new Stats(blocks, body));
    List<TextBlock> candidates = outside(blocks, dropped, body);
    Set<Element> containers = containers(candidates, body, new Stats(candidates, body));
    Set<Element> inArticle = DataTables.inArticle(allTables.keySet(), containers, dropped, body);
    if (!dataTables.containsAll(inArticle)) {
      // Data tables of the article, known only now: cut the page again with their rows as blocks.
      // The elements are the same, so the boilerplate parts and the containers still hold.
      Set<Element> union = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      union.addAll(dataTables);
      union.addAll(inArticle);
      dataTables = union;
      candidates = outside(BlockSegmenter.segment(body, dataTables), dropped, body);
    }
    List<TextBlock> kept = new ArrayList<>();
    for (TextBlock b : candidates) {
      if (containers.contains(body) || under(b.owner(), containers, body)) {
        kept.add(b);
      }
    }
    StopWords stopWords = StopWords.forText(sample(kept), langHint);
    kept = BlockFilter.filter(kept, stopWords, title);
    if (!dataTables.isEmpty()) {
      kept = DataTables.withRows(kept, candidates, dataTables);
    }
    if (kept.isEmpty()) {
      // No article on the page (a redirect notice, a page of a few links, text straight in the
      // body): its visible words are all it says, and a page found by them beats one found by none.
      kept = candidates;
    }
    StringBuilder out = new StringBuilder();
    Element table = null;
    for (TextBlock b : kept) {
      // The rows of a data table are the lines of one block: a table is one passage, as a
      // paragraph is, and its language is detected once, not row by row.
      Element rowOf = dataTables.isEmpty() ? null : DataTables.tableOfRow(b, dataTables);
      if (out.length() > 0) {
        out.append(rowOf != null && rowOf == table ? "\n" : "\n\n");
      }
      out.append(b.text());
      table = rowOf;
    }
    return out.toString();
  }

  /** The blocks not under {@code dropped}; all of them when that would leave none. */
  private static List<TextBlock> outside(
      List<TextBlock> blocks, Set<Element> dropped, Element body) {
    List<TextBlock> candidates = new ArrayList<>();
    for (TextBlock b : blocks) {
      if (!under(b.owner(), dropped, body)) {
        candidates.add(b);
      }
    }
    return candidates.isEmpty() ? blocks : candidates;
  }

  private static String sample(List<TextBlock> blocks) {
    StringBuilder s = new StringBuilder();
    for (TextBlock b : blocks) {
      if (b.text().length() >= PROSE_CHARS) {
        s.append(b.text()).append(' ');
        if (s.length() > 5000) {
          break;
        }
      }
    }
    return s.toString();
  }

  /**
   * Elements named as boilerplate that do not hold most of the page's prose. When the names would
   * set aside most of the prose between them, the weaker ones are not to be trusted on this page (a
   * template that calls every section of the article a "slideshow"): then of those, only parts
   * without any prose go. "Most" is three quarters: comments and teasers often outweigh a short
   * article.
   */
  private static Set<Element> boilerplateParts(Element body, Stats stats) {
    double total = stats.prose(body);
    List<Element> named = new ArrayList<>();
    Set<Element> likely = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element e : body.getAllElements()) {
      if (e == body) {
        continue;
      }
      String tag = e.normalName();
      boolean chromeTag =
          tag.equals("aside")
              || tag.equals("figure")
              || tag.equals("figcaption")
              || (tag.equals("footer") || tag.equals("header")) && e.closest("article") == null;
      ClassHints.Boilerplate hint = ClassHints.boilerplate(e);
      if ((chromeTag || hint != ClassHints.Boilerplate.NO) && stats.prose(e) <= 0.4 * total) {
        named.add(e);
        if (!chromeTag && hint == ClassHints.Boilerplate.LIKELY) {
          likely.add(e);
        }
      }
    }
    Set<Element> dropped = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    double droppedProse = 0;
    for (Element e : named) {
      if (!under(e.parent(), dropped, body)) {
        droppedProse += stats.prose(e);
      }
      dropped.add(e);
    }
    if (total - droppedProse < 0.25 * total) {
      dropped.removeIf(e -> likely.contains(e) && stats.prose(e) > 0);
    }
    return dropped;
  }

  /** The article's container and the siblings that belong with it. */
  private static Set<Element> containers(List<TextBlock> blocks, Element body, Stats stats) {
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (TextBlock b : blocks) {
      int len = b.text().length();
      if (len < 25 || b.linkDensity() > 0.5) {
        continue;
      }
      double score = 1 + commas(b.text()) + Math.min(len / 100.0, 3);
      Element e = b.owner().parent();
      for (int level = 0; e != null && level < 5; level++, e = e.parent()) {
        double share = level == 0 ? 1 : level == 1 ? 0.5 : 1.0 / (level * 3);
        double add = score * share;
        Double old = scores.get(e);
        scores.put(e, old == null ? initial(e) + add : old + add);
        if (e == body) {
          break;
        }
      }
    }
    Element top = null;
    double best = Double.NEGATIVE_INFINITY;
    for (Map.Entry<Element, Double> entry : scores.entrySet()) {
      double ld = stats.linkDensity(entry.getKey());
      double s = entry.getValue() * (1 - ld * ld);
      entry.setValue(s);
      if (s > best) {
        best = s;
        top = entry.getKey();
      }
    }
    Set<Element> chosen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    if (top == null) {
      chosen.add(body);
      return chosen;
    }
    // Articles cut into many wrappers (one per paragraph) leave the best single wrapper with a
    // part of the text: climb while the parent holds clearly more prose than the candidate.
    while (top != body) {
      Element up = top.parent();
      for (int level = 0; up != null && up != body && level < 3; level++) {
        if (stats.prose(up) >= 1.3 * stats.prose(top) + PROSE_CHARS) {
          break;
        }
        up = up.parent();
      }
      if (up == null || !worthClimbing(top, up, stats)) {
        break;
      }
      top = up;
    }
    chosen.add(top);
    Element parent = top.parent();
    if (parent != null) {
      double threshold = Math.max(10, best * 0.2);
      for (Element sibling : parent.children()) {
        if (sibling == top) {
          continue;
        }
        Double s = scores.get(sibling);
        if (s != null && s >= threshold) {
          chosen.add(sibling);
        } else if (PARAGRAPH_TAGS.contains(sibling.normalName())
                && stats.chars(sibling) >= PROSE_CHARS
                && stats.linkDensity(sibling) < 0.25
            || stats.prose(sibling) >= PROSE_CHARS
                && stats.prose(sibling) >= 0.7 * stats.chars(sibling)) {
          chosen.add(sibling);
        }
      }
    }
    return chosen;
  }

  /**
   * Whether {@code up} adds enough prose to {@code top} to be the container instead: clearly more
   * prose, and what it adds mostly prose too (not menus or link lists).
   */
  private static boolean worthClimbing(Element top, Element up, Stats stats) {
    double addedProse = stats.prose(up) - stats.prose(top);
    double addedChars = stats.chars(up) - stats.chars(top);
    return addedProse >= 0.3 * stats.prose(top) + PROSE_CHARS
        && addedProse >= 0.5 * addedChars
        && stats.linkDensity(up) < 0.35;
  }

  private static double initial(Element e) {
    int base =
        switch (e.normalName()) {
          case "div", "article", "main", "section" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    return base + ClassHints.weight(e);
  }

  private static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '،' || c == '，' || c == '、') {
        n++;
      }
    }
    return n;
  }

  /** Whether {@code e} is one of {@code set} or lies inside one, below {@code root}. */
  static boolean under(Element e, Set<Element> set, Element root) {
    for (Element a = e; a != null; a = a.parent()) {
      if (set.contains(a)) {
        return true;
      }
      if (a == root) {
        return false;
      }
    }
    return false;
  }

  /** Characters, link characters and prose characters of every element, summed from its blocks. */
  private static final class Stats {
    private final Map<Element, int[]> sums = new IdentityHashMap<>();

    Stats(List<TextBlock> blocks, Element root) {
      for (TextBlock b : blocks) {
        int len = b.text().length();
        int prose = len >= PROSE_CHARS && b.linkDensity() < 0.3 ? len : 0;
        for (Element e = b.owner(); e != null; e = e.parent()) {
          int[] s = sums.computeIfAbsent(e, k -> new int[3]);
          s[0] += len;
          s[1] += b.linkChars();
          s[2] += prose;
          if (e == root) {
            break;
          }
        }
      }
    }

    int chars(Element e) {
      int[] s = sums.get(e);
      return s == null ? 0 : s[0];
    }

    double linkDensity(Element e) {
      int[] s = sums.get(e);
      return s == null || s[0] == 0 ? 0 : (double) s[1] / s[0];
    }

    double prose(Element e) {
      int[] s = sums.get(e);
      return s == null ? 0 : s[2];
    }
  }
}
