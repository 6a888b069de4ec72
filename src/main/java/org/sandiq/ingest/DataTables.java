package org.sandiq.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Tables that are a page's content rather than its layout: a log, a listing, a timetable, a table
 * of results. Such a page's text is hundreds of short cells (dates, names, places) that read as
 * boilerplate one by one, so the main-text rules would drop them and keep only the few long cells.
 * When data tables hold most of the page's text ({@link #content}), or lie in or around the
 * article's container ({@link #inArticle}), {@link MainContent} keeps them whole, one row per line
 * with its cells separated.
 *
 * <p>A data table is told from a layout table by its shape, never by a site's names: no table
 * inside it, at least {@value #MIN_ROWS} rows of the same number of cells (two or more), cells that
 * are mostly short, and not mostly links. A layout table (a menu column beside the article column)
 * holds other tables, paragraphs and long cells, and is left to the main-text rules as before. Text
 * is measured without link text, so a portal's menus and link-filled footers do not outweigh the
 * listing between them.
 */
final class DataTables {
  /** Rows of one width a data table has at least. */
  static final int MIN_ROWS = 3;

  /** Share of the page's text outside links that data tables hold when they are its content. */
  static final double MIN_SHARE = 0.5;

  /** A cell longer than this is prose; at least four in five cells of a data table are shorter. */
  private static final int SHORT_CELL_CHARS = 100;

  /** Share of a table's text in links at which it is a list of links, not data. */
  private static final double MAX_LINK_SHARE = 0.75;

  private DataTables() {}

  /**
   * The data tables of {@code body} when together they hold at least {@link #MIN_SHARE} of its text
   * outside links; otherwise none, and the page is extracted as any other.
   */
  static Set<Element> content(Element body, Map<Element, Integer> tables) {
    long tableChars = 0;
    for (int chars : tables.values()) {
      tableChars += chars;
    }
    if (tables.isEmpty() || tableChars < MIN_SHARE * textOutsideLinks(body)) {
      return Set.of();
    }
    Set<Element> content = Collections.newSetFromMap(new IdentityHashMap<>());
    content.addAll(tables.keySet());
    return content;
  }

  /**
   * The data tables that are part of the article: inside its containers, or around one (the best
   * prose of the page is a cell of a table), and not in a part named as boilerplate.
   */
  static Set<Element> inArticle(
      Set<Element> tables, Set<Element> containers, Set<Element> dropped, Element body) {
    Set<Element> found = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element table : tables) {
      if (MainContent.under(table, dropped, body)) {
        continue;
      }
      boolean inside = containers.contains(body) || MainContent.under(table, containers, body);
      boolean around = false;
      for (Element c : containers) {
        around |= c != table && MainContent.under(c, Set.of(table), body);
      }
      if (inside || around) {
        found.add(table);
      }
    }
    return found;
  }

  /**
   * {@code kept} with every row (and caption) of {@code tables}, in document order: short cells
   * read as boilerplate to the main-text rules, but in these tables they are what the page says. A
   * row repeated word for word (a header row above each part of a table) is kept once.
   */
  static List<TextBlock> withRows(
      List<TextBlock> kept, List<TextBlock> candidates, Set<Element> tables) {
    Set<Integer> keptIndexes = new HashSet<>();
    for (TextBlock b : kept) {
      keptIndexes.add(b.index());
    }
    Set<String> rows = new HashSet<>();
    List<TextBlock> out = new ArrayList<>();
    for (TextBlock b : candidates) {
      boolean keep =
          tables.contains(b.owner().closest("table"))
              ? rows.add(b.text())
              : keptIndexes.contains(b.index());
      if (keep) {
        out.add(b);
      }
    }
    return out;
  }

  /** The table of {@code tables} that {@code b} is a row of, or null. */
  static Element tableOfRow(TextBlock b, Set<Element> tables) {
    if (!b.owner().normalName().equals("tr")) {
      return null;
    }
    Element table = b.owner().closest("table");
    return tables.contains(table) ? table : null;
  }

  /** Every data table of {@code body}, with the characters outside links in its cells. */
  static Map<Element, Integer> all(Element body) {
    Map<Element, Integer> tables = new IdentityHashMap<>();
    List<Element> all = body.getElementsByTag("table");
    if (all.isEmpty()) {
      return tables;
    }
    Set<Element> layout = tablesOfTables(body);
    for (Element table : all) {
      int chars = layout.contains(table) ? 0 : dataChars(table);
      if (chars > 0) {
        tables.put(table, chars);
      }
    }
    return tables;
  }

  /**
   * The characters outside links in the cells of {@code table} (which holds no other table) when it
   * is a data table; 0 when it is not.
   */
  private static int dataChars(Element table) {
    Map<Integer, Integer> rowsPerWidth = new HashMap<>();
    int rows = 0;
    int cells = 0;
    int shortCells = 0;
    int wordCells = 0;
    int chars = 0;
    int linkChars = 0;
    for (Element row : table.getElementsByTag("tr")) {
      int width = 0;
      for (Element cell : row.children()) {
        String tag = cell.normalName();
        if (!tag.equals("td") && !tag.equals("th")) {
          continue;
        }
        width++;
        String text = cell.text();
        if (text.isEmpty()) {
          continue;
        }
        cells++;
        chars += text.length();
        if (text.length() <= SHORT_CELL_CHARS) {
          shortCells++;
        }
        if (text.codePoints().anyMatch(Character::isLetter)) {
          wordCells++;
        }
        linkChars += linkChars(cell);
      }
      if (width > 0) {
        rows++;
        rowsPerWidth.merge(width, 1, Integer::sum);
      }
    }
    int width = 0;
    int sameWidth = 0;
    for (Map.Entry<Integer, Integer> e : rowsPerWidth.entrySet()) {
      if (e.getValue() > sameWidth) {
        sameWidth = e.getValue();
        width = e.getKey();
      }
    }
    boolean regular = width >= 2 && sameWidth >= MIN_ROWS && sameWidth * 3 >= rows * 2;
    boolean mostlyShort = cells > 0 && shortCells * 5 >= cells * 4;
    boolean notLinkList = linkChars < MAX_LINK_SHARE * chars;
    boolean words = wordCells * 3 >= cells; // not a calendar widget's grid of day numbers
    return regular && mostlyShort && notLinkList && words ? chars - linkChars : 0;
  }

  private static int textOutsideLinks(Element body) {
    return body.text().length() - linkChars(body);
  }

  private static int linkChars(Element e) {
    int n = 0;
    for (Element link : e.getElementsByTag("a")) {
      n += link.text().length();
    }
    return n;
  }

  /** Tables that hold another table: layout. One pass, so hostile nesting costs no more. */
  private static Set<Element> tablesOfTables(Element body) {
    Set<Element> outer = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Element> open = new ArrayDeque<>();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof Element e && e.normalName().equals("table")) {
              if (!open.isEmpty()) {
                outer.add(open.peek());
              }
              open.push(e);
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && e.normalName().equals("table")) {
              open.pop();
            }
          }
        },
        body);
    return outer;
  }
}
