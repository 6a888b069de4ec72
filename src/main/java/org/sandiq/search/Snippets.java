package org.sandiq.search;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Cuts the snippet shown under a hit: the passages of the stored text where the query matched, with
 * each match in {@code <mark>}. The text is HTML-escaped by the formatter before marks are added,
 * so markup in a document can never reach the page as markup.
 *
 * <p>The stored text is analysed again with the analyzer of the field being highlighted: first the
 * document's language field (stems: {@code running} marks {@code run}), then the folded field
 * (ASCII-typed words). A document with no match in its text (a title match) shows its opening.
 *
 * <p>Weight matches and "passage relevancy over speed" are off: either makes the highlighter index
 * every hit's text into a {@code MemoryIndex}, which cost a third of a search's time. Without them
 * the words of a plain query are found by re-analysing the text alone; phrases still go through the
 * exact (slower) path, so a phrase is marked only where it occurs as a phrase. Passages are cut at
 * spaces to about {@value #PASSAGE_CHARS} characters rather than at sentence ends: the JDK's
 * sentence iterator cost a tenth of a search, and archived text often has no sentence ends where a
 * reader would expect them.
 */
final class Snippets {
  /** About how long one passage is, in characters. */
  static final int PASSAGE_CHARS = 160;

  static final int MAX_PASSAGES = 3;

  /** How much of a long text is searched for passages. */
  static final int MAX_ANALYZED_CHARS = 10_000;

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final UnifiedHighlighter highlighter;

  /** Highlights a whole title as one passage. */
  private final UnifiedHighlighter titles;

  Snippets(Analyzer perFieldAnalyzer) {
    this.titles =
        UnifiedHighlighter.builderWithoutSearcher(perFieldAnalyzer)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " ", true))
            .withBreakIterator(WholeBreakIterator::new)
            .withHandleMultiTermQuery(true)
            .withHighlightPhrasesStrictly(true)
            .withMaxNoHighlightPassages(0)
            .withWeightMatches(false)
            .withPassageRelevancyOverSpeed(false)
            .build();
    this.highlighter =
        UnifiedHighlighter.builderWithoutSearcher(perFieldAnalyzer)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        new CustomSeparatorBreakIterator(' '), PASSAGE_CHARS, 0.5f))
            .withMaxLength(MAX_ANALYZED_CHARS)
            .withHandleMultiTermQuery(true)
            .withHighlightPhrasesStrictly(true)
            .withMaxNoHighlightPassages(0)
            .withWeightMatches(false)
            .withPassageRelevancyOverSpeed(false)
            .build();
  }

  /**
   * The snippet for {@code text}, trying {@code fields} in order until one has a match.
   *
   * @param query the user's query (no filters)
   */
  String snippet(Query query, String text, List<String> fields) throws IOException {
    if (query != null) {
      for (String field : fields) {
        Object highlighted = highlighter.highlightWithoutSearcher(field, query, text, MAX_PASSAGES);
        if (highlighted instanceof String s && s.contains("<mark>")) {
          return flatten(s);
        }
      }
    }
    return opening(text);
  }

  /**
   * The title with query words in {@code <mark>}, trying {@code fields} in order; the escaped title
   * when nothing in it matches.
   */
  String title(Query query, String title, List<String> fields) throws IOException {
    if (query != null) {
      for (String field : fields) {
        Object highlighted = titles.highlightWithoutSearcher(field, query, title, 1);
        if (highlighted instanceof String s && s.contains("<mark>")) {
          return flatten(s);
        }
      }
    }
    return escape(title);
  }

  /** A snippet is one line: paragraph breaks inside a passage become spaces. */
  private static String flatten(String s) {
    return WHITESPACE.matcher(s).replaceAll(" ").strip();
  }

  /** The first words of {@code text}, escaped, cut at a word boundary. */
  static String opening(String text) {
    String flat = flatten(text);
    if (flat.length() > 2 * PASSAGE_CHARS) {
      int cut = flat.lastIndexOf(' ', 2 * PASSAGE_CHARS);
      flat = flat.substring(0, cut > PASSAGE_CHARS ? cut : 2 * PASSAGE_CHARS) + " …";
    }
    return escape(flat);
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        case '/' -> out.append("&#x2F;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
