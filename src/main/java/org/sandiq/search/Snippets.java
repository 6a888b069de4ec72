package org.sandiq.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.sandiq.analysis.AnalysisProfile;
import org.sandiq.analysis.Language;
import org.sandiq.index.Fields;

/**
 * Marks a hit: its title with the query's words in {@code <mark>}, and the snippet shown under it,
 * the passages of the stored text where the query matched. Text is HTML-escaped by the formatter
 * before marks are added, so markup in a document can never reach the page as markup.
 *
 * <p>Marks come from offsets in the postings: every analysed field's offsets point into the stored
 * {@code title} and {@code text} (see {@code index.Fields}), so the stored field is highlighted
 * with the matches of every field searched ("masked" fields) without analysing the text again.
 * Every language field and the folded field mark at once (stems: {@code running} marks {@code run};
 * an ASCII-typed {@code xankendi} marks {@code Xankəndi}); the cross-script field marks only when
 * they found nothing (so {@code Ходжалы} marks {@code Khojaly}), since its name keys also merge
 * unrelated words. Prefix, wildcard and fuzzy words have no terms to look up in postings: for those
 * the highlighter analyses the text, as it did for every hit before offsets were indexed.
 *
 * <p>Passages are cut at spaces to about {@value #PASSAGE_CHARS} characters rather than at sentence
 * ends: the JDK's sentence iterator cost a tenth of a search, and archived text often has no
 * sentence ends where a reader would expect them. A document with no match in its text (a title
 * match) shows its opening.
 */
final class Snippets {
  /** About how long one passage is, in characters. */
  static final int PASSAGE_CHARS = 160;

  static final int MAX_PASSAGES = 3;

  /** How much of a long text is searched for passages. */
  static final int MAX_HIGHLIGHTED_CHARS = 100_000;

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final PassageFormatter TITLE_FORMAT =
      new DefaultPassageFormatter("<mark>", "</mark>", " ", true);
  private static final PassageFormatter TEXT_FORMAT =
      new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);
  private static final String[] STORED = {Fields.TITLE, Fields.TEXT};
  private static final int[] PASSAGES = {1, MAX_PASSAGES};

  /** A hit's marked title and snippet, both HTML-escaped. */
  record Marked(String titleHtml, String snippet) {}

  private final Analyzer analyzer;

  /** Stored field → the indexed fields whose matches mark it, first try. */
  private final Map<String, Set<String>> words;

  /** Stored field → the indexed fields that mark it when the first try found nothing. */
  private final Map<String, Set<String>> names;

  Snippets(Analyzer perFieldAnalyzer, AnalysisProfile profile) {
    this.analyzer = perFieldAnalyzer;
    if (profile == AnalysisProfile.STANDARD) {
      this.words =
          Map.of(
              Fields.TITLE, Set.of(Fields.title(Language.UND)),
              Fields.TEXT, Set.of(Fields.text(Language.UND)));
      this.names = Map.of();
      return;
    }
    List<String> titles = new ArrayList<>(Fields.titleFields());
    List<String> texts = new ArrayList<>(Fields.textFields());
    this.words = Map.of(Fields.TITLE, Set.copyOf(titles), Fields.TEXT, Set.copyOf(texts));
    this.names =
        Map.of(
            Fields.TITLE, Set.of(Fields.TITLE_XSCRIPT), Fields.TEXT, Set.of(Fields.TEXT_XSCRIPT));
  }

  /**
   * Marks document {@code doc} (a searcher-wide id) for {@code query} (the user's words, no
   * filters; null: nothing to mark), given its stored title and text.
   */
  Marked mark(IndexSearcher searcher, Query query, int doc, String title, String text)
      throws IOException {
    String[] marked = {null, null};
    if (query != null) {
      fill(marked, highlight(searcher, words, query, doc, title, text));
      if ((marked[0] == null || marked[1] == null) && !names.isEmpty()) {
        fill(marked, highlight(searcher, names, query, doc, title, text));
      }
    }
    return new Marked(
        marked[0] == null ? escape(title) : flatten(marked[0]),
        marked[1] == null ? opening(text) : flatten(marked[1]));
  }

  private static void fill(String[] marked, String[] found) {
    for (int i = 0; i < marked.length; i++) {
      if (marked[i] == null && found[i] != null && found[i].contains("<mark>")) {
        marked[i] = found[i];
      }
    }
  }

  private String[] highlight(
      IndexSearcher searcher,
      Map<String, Set<String>> masks,
      Query query,
      int doc,
      String title,
      String text)
      throws IOException {
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withMaskedFieldsFunc(masks::get)
            .withMaxLength(MAX_HIGHLIGHTED_CHARS)
            .withHandleMultiTermQuery(true)
            .withHighlightPhrasesStrictly(true)
            .withMaxNoHighlightPassages(0)
            .withWeightMatches(false)
            .withPassageRelevancyOverSpeed(false);
    UnifiedHighlighter highlighter = new StoredValues(builder, new CharSequence[] {title, text});
    Map<String, String[]> found =
        highlighter.highlightFields(STORED, query, new int[] {doc}, PASSAGES);
    return new String[] {found.get(Fields.TITLE)[0], found.get(Fields.TEXT)[0]};
  }

  /**
   * A highlighter for one hit whose stored title and text the caller has already read: it takes
   * them as given instead of reading the stored fields again, and cuts the title as one passage and
   * the text at spaces.
   */
  private static final class StoredValues extends UnifiedHighlighter {
    private final CharSequence[] values;

    StoredValues(Builder builder, CharSequence[] values) {
      super(builder);
      this.values = values;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> docs = new ArrayList<>(1);
      while (docIter.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
        CharSequence[] forDoc = new CharSequence[fields.length];
        for (int i = 0; i < fields.length; i++) {
          forDoc[i] = fields[i].equals(Fields.TITLE) ? values[0] : values[1];
        }
        docs.add(forDoc);
      }
      return docs;
    }

    @Override
    protected PassageFormatter getFormatter(String field) {
      return field.equals(Fields.TITLE) ? TITLE_FORMAT : TEXT_FORMAT;
    }

    @Override
    protected BreakIterator getBreakIterator(String field) {
      return field.equals(Fields.TITLE)
          ? new WholeBreakIterator()
          : LengthGoalBreakIterator.createClosestToLength(
              new CustomSeparatorBreakIterator(' '), PASSAGE_CHARS, 0.5f);
    }
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
