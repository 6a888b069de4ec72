package org.sandiq.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
import org.sandiq.analysis.Language;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.index.Fields;

/**
 * Marks a hit that is not in a local index (an OpenSearch hit) exactly as the embedded backend
 * marks its own: the hit's title and text are analysed into the fields the index holds for its
 * language (that language's field, the folded one and the cross-script one), with offsets, in a
 * one-document {@link MemoryIndex}, and {@link Snippets} marks them from those offsets with the
 * same rules, the same passages and the same {@code <mark>}s.
 *
 * <p>Why not OpenSearch's own highlighter: it highlights a field with that field's matches only
 * (its unified highlighter has no masked fields), and the analysed fields are kept out of {@code
 * _source}; marking the shown text with the matches of every analysed field is what makes stems and
 * folded spellings light up.
 */
public final class HitMarker {
  private final Analyzer analyzer;
  private final Analyzer indexing;
  private final Snippets snippets;
  private final AnalysisProfile profile;

  public HitMarker(FieldAnalyzers analyzers) {
    this.analyzer = analyzers.perField();
    // The hit's text is analysed as the index analyses it (names only in the cross-script fields).
    this.indexing = analyzers.indexing();
    this.profile = analyzers.profile();
    this.snippets = new Snippets(analyzer, profile);
  }

  /**
   * A marked hit.
   *
   * @param titleHtml the title, HTML-escaped, with the query's words in {@code <mark>}
   * @param snippet up to three marked passages of the text, HTML-escaped
   */
  public record Marked(String titleHtml, String snippet) {}

  /**
   * Marks one hit.
   *
   * @param words the user's words as searched (relaxed or not), no filters; null marks nothing
   * @param lang the hit's language code
   */
  public Marked mark(Query words, String lang, String title, String text) {
    String t = title == null ? "" : title;
    String x = text == null ? "" : text;
    if (words == null) {
      return new Marked(SnippetText.escape(t), SnippetText.opening(x));
    }
    Language language = Language.fromCode(lang).orElse(Language.UND);
    String shown =
        x.length() > Snippets.MAX_HIGHLIGHTED_CHARS
            ? x.substring(0, Snippets.MAX_HIGHLIGHTED_CHARS)
            : x;
    MemoryIndex memory = new MemoryIndex(true, false);
    for (String field : titleFields(language)) {
      memory.addField(field, t, indexing);
    }
    for (String field : textFields(language)) {
      memory.addField(field, shown, indexing);
    }
    try {
      Snippets.Marked marked = snippets.marker(memory.createSearcher(), words).mark(0, t, x);
      return new Marked(marked.titleHtml(), marked.snippet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> titleFields(Language language) {
    if (!profile.hasVariantFields()) {
      return List.of(profile.titleFields().get(0));
    }
    return profile.hasFieldsFor(language)
        ? List.of(Fields.title(language), Fields.TITLE_FOLDED, Fields.TITLE_XSCRIPT)
        : List.of(Fields.TITLE_FOLDED, Fields.TITLE_XSCRIPT);
  }

  private List<String> textFields(Language language) {
    if (!profile.hasVariantFields()) {
      return List.of(profile.textFields().get(0));
    }
    return profile.hasFieldsFor(language)
        ? List.of(Fields.text(language), Fields.TEXT_FOLDED, Fields.TEXT_XSCRIPT)
        : List.of(Fields.TEXT_FOLDED, Fields.TEXT_XSCRIPT);
  }
}
