package org.sandiq.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.sandiq.index.Fields;

/**
 * A highlighter for hits whose stored titles and texts the caller has already read (by document
 * id): it takes them as given instead of reading the stored fields again, and cuts the title as one
 * passage and the text at whitespace.
 */
final class PageHighlighter extends UnifiedHighlighter {
  private static final PassageFormatter TITLE_FORMAT =
      new DefaultPassageFormatter("<mark>", "</mark>", " ", true);
  private static final PassageFormatter TEXT_FORMAT =
      new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);

  private final Map<String, OffsetSource> sources;
  private final Map<Integer, CharSequence[]> values;

  PageHighlighter(
      Builder builder, Map<String, OffsetSource> sources, Map<Integer, CharSequence[]> values) {
    super(builder);
    this.sources = sources;
    this.values = values;
  }

  /**
   * From the reader's cached table: the base class merges every segment's field infos once per
   * highlighter, which was a quarter of a search's time with one highlighter per hit.
   */
  @Override
  protected OffsetSource getOffsetSource(String field) {
    return sources.getOrDefault(field, OffsetSource.ANALYSIS);
  }

  /** Postings walked forwards over the page ({@link ForwardPostings}). */
  @Override
  protected FieldOffsetStrategy getOffsetStrategy(
      OffsetSource offsetSource, UHComponents components) {
    return offsetSource == OffsetSource.POSTINGS
        ? new ForwardPostings(components)
        : super.getOffsetStrategy(offsetSource, components);
  }

  @Override
  protected List<CharSequence[]> loadFieldValues(
      String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
    List<CharSequence[]> docs = new ArrayList<>();
    for (int doc = docIter.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = docIter.nextDoc()) {
      CharSequence[] stored = values.get(doc);
      CharSequence[] forDoc = new CharSequence[fields.length];
      for (int i = 0; i < fields.length; i++) {
        CharSequence value = fields[i].equals(Fields.TITLE) ? stored[0] : stored[1];
        // Only the first getMaxLength() characters are searched for passages, as the base
        // class's own loading cuts them: past that, a long text cost a walk over all its marks.
        forDoc[i] = value.length() > getMaxLength() ? value.subSequence(0, getMaxLength()) : value;
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
            new PassageBreaks(), Snippets.PASSAGE_CHARS, 0.5f);
  }
}
