package org.sandiq.ingest;

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
 * {@code <a>} is counted as link text, for link density.
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

  private BlockSegmenter() {}

  /** The blocks under {@code root}, in document order. */
  static List<TextBlock> segment(Element root) {
    List<TextBlock> blocks = new ArrayList<>();
    NodeTraversor.traverse(new Visitor(blocks, root), root);
    return blocks;
  }

  private static final class Visitor implements NodeVisitor {
    private final List<TextBlock> blocks;
    private final List<Element> owners = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int linkChars;
    private int linkDepth;
    private int preDepth;

    Visitor(List<TextBlock> blocks, Element root) {
      this.blocks = blocks;
      owners.add(root);
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        String s = preDepth > 0 ? t.getWholeText() : t.text();
        if (linkDepth > 0) {
          linkChars += s.strip().length();
        }
        text.append(s);
      } else if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("br")) {
          text.append('\n');
        } else if (tag.equals("a")) {
          linkDepth++;
        } else if (tag.equals("img") && text.length() > 0) {
          text.append(' ');
        }
        if (tag.equals("pre")) {
          preDepth++;
        }
        if (BLOCK_TAGS.contains(tag) && depth > 0) {
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
        if (BLOCK_TAGS.contains(tag) && depth > 0) {
          flush();
          owners.remove(owners.size() - 1);
        } else if (depth == 0) {
          flush();
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
    }
  }
}
