package org.sandiq.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Cuts a cleaned DOM into {@link TextBlock}s: every block-level element starts a new block, text
 * and inline elements add to the current one, {@code <br>} is a line break inside it. Text inside
 * {@code <a>} is counted as link text, for link density. In the tables given as data tables, a row
 * is one block, its cells separated by {@value #CELL_SEPARATOR}, so a row reads as a line of a log
 * and its words stay apart.
 */
final class BlockSegmenter {
  static final Set<String> BLOCK_TAGS =
      Set.of(
          "address",
          "article",
          "aside",
          "blockquote",
          "body",
          "caption",
          "center",
          "dd",
          "details",
          "div",
          "dl",
          "dt",
          "fieldset",
          "figcaption",
          "figure",
          "footer",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hr",
          "li",
          "main",
          "ol",
          "p",
          "pre",
          "section",
          "summary",
          "table",
          "tbody",
          "td",
          "tfoot",
          "th",
          "thead",
          "tr",
          "ul");

  /** Between the cells of a row of a data table. */
  static final String CELL_SEPARATOR = " | ";

  private BlockSegmenter() {}

  /** The blocks under {@code root}, in document order. */
  static List<TextBlock> segment(Element root) {
    return segment(root, Set.of());
  }

  /** The blocks under {@code root}; the rows of {@code dataTables} are one block each. */
  static List<TextBlock> segment(Element root, Set<Element> dataTables) {
    List<TextBlock> blocks = new ArrayList<>();
    NodeTraversor.traverse(new Visitor(blocks, root, dataTables), root);
    return blocks;
  }

  private static final class Visitor implements NodeVisitor {
    private final List<TextBlock> blocks;
    private final Set<Element> dataTables;
    private final List<Element> owners = new ArrayList<>();
    private final ArrayDeque<Element> tables = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private int linkChars;
    private int linkDepth;
    private int preDepth;
    private boolean cellSeparatorDue;
    private int cellDepth;

    Visitor(List<TextBlock> blocks, Element root, Set<Element> dataTables) {
      this.blocks = blocks;
      this.dataTables = dataTables;
      owners.add(root);
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        String s = preDepth > 0 ? t.getWholeText() : t.text();
        if (linkDepth > 0) {
          linkChars += s.strip().length();
        }
        if (cellSeparatorDue && !s.isBlank()) {
          text.append(CELL_SEPARATOR);
          cellSeparatorDue = false;
        }
        text.append(s);
      } else if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("br")) {
          text.append(tables.isEmpty() || !dataTables.contains(tables.peek()) ? '\n' : ' ');
        } else if (tag.equals("a")) {
          linkDepth++;
        } else if (tag.equals("img") && text.length() > 0) {
          text.append(' ');
        }
        if (tag.equals("pre")) {
          preDepth++;
        } else if (tag.equals("table")) {
          tables.push(e);
        }
        if (dataCell(tag)) {
          separateCell();
          cellDepth++;
        } else if (cellDepth > 0 && BLOCK_TAGS.contains(tag)) {
          text.append(' '); // a paragraph or div inside a cell is part of the cell
        } else if (BLOCK_TAGS.contains(tag) && depth > 0) {
          flush();
          owners.add(e);
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("a")) {
          linkDepth--;
        } else if (tag.equals("pre")) {
          preDepth--;
        }
        if (dataCell(tag)) {
          text.append(' '); // the cell's end: its last word and the next cell's stay apart
          cellDepth--;
        } else if (cellDepth > 0 && BLOCK_TAGS.contains(tag)) {
          text.append(' ');
        } else if (BLOCK_TAGS.contains(tag) && depth > 0) {
          flush();
          owners.remove(owners.size() - 1);
        } else if (depth == 0) {
          flush();
        }
        if (tag.equals("table") && !tables.isEmpty()) {
          tables.pop();
        }
      }
    }

    /** Whether {@code tag} is a cell of a data table: part of its row's block, not a block. */
    private boolean dataCell(String tag) {
      return (tag.equals("td") || tag.equals("th"))
          && !tables.isEmpty()
          && dataTables.contains(tables.peek());
    }

    /** Starts a cell of a row: a separator goes before its text if the row has text already. */
    private void separateCell() {
      for (int i = text.length() - 1; i >= 0; i--) {
        if (!Character.isWhitespace(text.charAt(i))) {
          cellSeparatorDue = true; // written with the cell's first text: empty cells add none
          return;
        }
      }
    }

    private void flush() {
      if (text.length() > 0) {
        String normalized = PlainText.normalize(text.toString()).replace("\n\n", "\n");
        if (normalized.codePoints().anyMatch(Character::isLetterOrDigit)) {
          blocks.add(
              new TextBlock(
                  normalized,
                  Math.min(linkChars, normalized.length()),
                  owners.get(owners.size() - 1),
                  blocks.size()));
        }
      }
      text.setLength(0);
      linkChars = 0;
      cellSeparatorDue = false;
    }
  }
}
