package org.sandiq.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.sandiq.analysis.Language;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.Fields;
import org.sandiq.index.StoredText;

/**
 * Marks a hit: its title with the query's words in {@code <mark>}, and the snippet shown under it,
 * the passages of the stored text where the query matched. Text is HTML-escaped by the formatter
 * before marks are added, so markup in a document can never reach the page as markup.
 *
 * <p>Marks come from offsets in the postings: every analysed field's offsets point into the stored
 * {@code title} and {@code text} (see {@code index.Fields}), so the stored field is highlighted
 * with the matches of every field searched ("masked" fields) without analysing the text again. A
 * language text field indexed without offsets is marked through the folded field instead: its stems
 * become the folded words the index recorded for them ({@link StemWords}). Every language field and
 * the folded field mark at once (stems: {@code running} marks {@code run}; an ASCII-typed {@code
 * xankendi} marks {@code Xankəndi}); the cross-script field marks only when they found nothing (so
 * {@code Ходжалы} marks {@code Khojaly}), since its name keys also merge unrelated words. Prefix,
 * wildcard and fuzzy words have no terms to look up in postings: for those the highlighter analyses
 * the text, as it did for every hit before offsets were indexed.
 *
 * <p>Passages are cut at whitespace ({@link PassageBreaks}, which also cuts a long run without any,
 * so that no passage is much longer than asked) to about {@value #PASSAGE_CHARS} characters rather
 * than at sentence ends: the JDK's sentence iterator cost a tenth of a search, and archived text
 * often has no sentence ends where a reader would expect them. A document with no match in its text
 * (a title match) shows its opening.
 */
final class Snippets {
  /** About how long one passage is, in characters. */
  static final int PASSAGE_CHARS = 160;

  static final int MAX_PASSAGES = 3;

  /** How much of a long text is searched for passages: the stored head a hit reads. */
  static final int MAX_HIGHLIGHTED_CHARS = StoredText.HEAD_CHARS;

  private static final PassageScorer PASSAGE_SCORER = new SmallPassageScorer();

  /** The fields every document is indexed into, whatever its language: marked after the others. */
  private static final Set<String> NEUTRAL =
      Set.of(Fields.TITLE_FOLDED, Fields.TEXT_FOLDED, Fields.TITLE_XSCRIPT, Fields.TEXT_XSCRIPT);

  /** A hit's marked title and snippet, both HTML-escaped. */
  record Marked(String titleHtml, String snippet) {}

  private final Analyzer analyzer;

  /**
   * The offset source of each field of one index reader, and its language text fields that are
   * marked through their stems' folded words ({@link StemWords}) since they have no offsets.
   */
  private record ReaderSources(
      IndexReader reader,
      Map<String, UnifiedHighlighter.OffsetSource> byField,
      Map<String, Language> throughWords) {}

  private volatile ReaderSources cachedSources;

  /** Stored field → the indexed fields whose matches mark it, first try. */
  private final Map<String, Set<String>> words;

  /** Stored field → the indexed fields that mark it when the first try found nothing. */
  private final Map<String, Set<String>> names;

  Snippets(Analyzer perFieldAnalyzer, AnalysisProfile profile) {
    this.analyzer = perFieldAnalyzer;
    Set<String> titles = new HashSet<>(profile.titleFields());
    Set<String> texts = new HashSet<>(profile.textFields());
    titles.remove(Fields.TITLE_XSCRIPT);
    texts.remove(Fields.TEXT_XSCRIPT);
    this.words = Map.of(Fields.TITLE, ordered(titles), Fields.TEXT, ordered(texts));
    this.names =
        profile.hasVariantFields()
            ? Map.of(
                Fields.TITLE,
                Set.of(Fields.TITLE_XSCRIPT),
                Fields.TEXT,
                Set.of(Fields.TEXT_XSCRIPT))
            : Map.of();
  }

  /**
   * The marker of one request: what to highlight is worked out once from {@code query} (the user's
   * words, no filters; null: nothing to mark), then each hit is marked with it.
   */
  Marker marker(IndexSearcher searcher, Query query) throws IOException {
    return new Marker(searcher, query);
  }

  /** Marks the hits of one request. Thread-safe: hits are rendered on several threads. */
  final class Marker {
    private final IndexSearcher searcher;
    private final Query query;
    private final Map<String, Language> throughWords;
    private final Map<String, UnifiedHighlighter.OffsetSource> sources;
    private final Map<String, Set<String>> wordMasks;
    private final Map<String, Set<String>> nameMasks;

    private Marker(IndexSearcher searcher, Query query) throws IOException {
      this.searcher = searcher;
      ReaderSources readerSources = query == null ? null : offsetSources(searcher);
      this.sources = readerSources == null ? Map.of() : readerSources.byField();
      this.query = query;
      this.throughWords = readerSources == null ? Map.of() : readerSources.throughWords();
      // Only the fields the query has words in: each masked field costs the highlighter a walk
      // over the whole query, for every hit. A field without offsets would be analysed again for
      // every hit; its stems are marked as folded words instead.
      Set<String> queried = query == null ? new HashSet<>() : queriedFields(query);
      if (queried.removeAll(throughWords.keySet())) {
        queried.add(Fields.TEXT_FOLDED);
      }
      this.wordMasks = narrow(words, queried);
      this.nameMasks = narrow(names, queried);
    }

    /** Marks document {@code doc} (a searcher-wide id), given its stored title and text. */
    Marked mark(int doc, String title, String text) throws IOException {
      return markAll(new int[] {doc}, new String[] {title}, new String[] {text}).get(0);
    }

    /**
     * Marks a page of hits at once, given their stored titles and texts (in the order of {@code
     * docs}): one highlighter pass over all of them, so the query's terms, phrases and automata are
     * worked out once per request, not once per hit (a third of the marking's time when each hit
     * was marked alone).
     */
    List<Marked> markAll(int[] docs, String[] titles, String[] texts) throws IOException {
      String[][] marked = new String[docs.length][2];
      if (query != null && docs.length > 0) {
        Query marking =
            throughWords.isEmpty() ? query : StemWords.expand(searcher, query, throughWords, docs);
        Map<Integer, CharSequence[]> values = new HashMap<>();
        for (int i = 0; i < docs.length; i++) {
          values.put(docs[i], new CharSequence[] {titles[i], texts[i]});
        }
        highlight(marking, wordMasks, docs, values, marked);
        // The name keys mark only the hits their own words left unmarked.
        int[] unmarked =
            IntStream.range(0, docs.length)
                .filter(i -> marked[i][0] == null || marked[i][1] == null)
                .toArray();
        if (unmarked.length > 0 && !nameMasks.isEmpty()) {
          int[] rest = Arrays.stream(unmarked).map(i -> docs[i]).toArray();
          String[][] found = new String[rest.length][2];
          highlight(query, nameMasks, rest, values, found);
          for (int j = 0; j < unmarked.length; j++) {
            fill(marked[unmarked[j]], found[j]);
          }
        }
      }
      List<Marked> all = new ArrayList<>(docs.length);
      for (int i = 0; i < docs.length; i++) {
        all.add(
            new Marked(
                marked[i][0] == null
                    ? SnippetText.escape(titles[i])
                    : SnippetText.flatten(marked[i][0]),
                marked[i][1] == null
                    ? SnippetText.opening(texts[i])
                    : SnippetText.flatten(marked[i][1])));
      }
      return all;
    }

    /** Fills {@code marked[i]} (title, text) of {@code docs[i]} where a field got a mark. */
    private void highlight(
        Query query,
        Map<String, Set<String>> masks,
        int[] docs,
        Map<Integer, CharSequence[]> values,
        String[][] marked)
        throws IOException {
      if (masks.isEmpty()) {
        return;
      }
      String[] stored = masks.keySet().toArray(String[]::new);
      int[] passages = new int[stored.length];
      for (int i = 0; i < stored.length; i++) {
        passages[i] = stored[i].equals(Fields.TITLE) ? 1 : MAX_PASSAGES;
      }
      UnifiedHighlighter.Builder builder =
          UnifiedHighlighter.builder(searcher, analyzer)
              .withMaskedFieldsFunc(masks::get)
              .withMaxLength(MAX_HIGHLIGHTED_CHARS)
              .withHandleMultiTermQuery(true)
              .withHighlightPhrasesStrictly(true)
              .withMaxNoHighlightPassages(0)
              .withWeightMatches(false)
              .withPassageRelevancyOverSpeed(false)
              .withScorer(PASSAGE_SCORER);
      UnifiedHighlighter highlighter = new PageHighlighter(builder, sources, values);
      Map<String, String[]> byField = highlighter.highlightFields(stored, query, docs, passages);
      String[] titles = byField.get(Fields.TITLE);
      String[] texts = byField.get(Fields.TEXT);
      for (int i = 0; i < docs.length; i++) {
        fill(
            marked[i],
            new String[] {titles == null ? null : titles[i], texts == null ? null : texts[i]});
      }
    }
  }

  /**
   * {@code fields} in a fixed order, the language fields before the neutral ones, each group by
   * name. The order matters: where two masked fields match the same words, the highlighter scores
   * passages with the terms of the field it walks first, and {@code Set.copyOf}'s order changes
   * from one JVM to the next (the same query showed other passages after a restart).
   */
  private static Set<String> ordered(Collection<String> fields) {
    List<String> sorted = new ArrayList<>(fields);
    sorted.sort(
        Comparator.comparing((String f) -> NEUTRAL.contains(f))
            .thenComparing(Comparator.naturalOrder()));
    return Collections.unmodifiableSet(new LinkedHashSet<>(sorted));
  }

  /** {@code masks} keeping only {@code queried} fields, and only stored fields left with any. */
  private static Map<String, Set<String>> narrow(
      Map<String, Set<String>> masks, Set<String> queried) {
    Map<String, Set<String>> narrowed = new HashMap<>();
    masks.forEach(
        (stored, fields) -> {
          Set<String> kept = new HashSet<>(fields);
          kept.retainAll(queried);
          if (!kept.isEmpty()) {
            narrowed.put(stored, ordered(kept));
          }
        });
    return Map.copyOf(narrowed);
  }

  /** The fields {@code query} has terms (or term patterns) in. */
  private static Set<String> queriedFields(Query query) {
    Set<String> fields = new HashSet<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query q, Term... terms) {
            for (Term term : terms) {
              fields.add(term.field());
            }
          }

          @Override
          public void consumeTermsMatching(
              Query q, String field, Supplier<ByteRunAutomaton> automaton) {
            fields.add(field);
          }

          @Override
          public void visitLeaf(Query q) {
            if (q instanceof MultiTermQuery multiTerm) {
              fields.add(multiTerm.getField());
            }
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
          }
        });
    return fields;
  }

  private static void fill(String[] marked, String[] found) {
    for (int i = 0; i < marked.length; i++) {
      if (marked[i] == null && found[i] != null && found[i].contains("<mark>")) {
        marked[i] = found[i];
      }
    }
  }

  /**
   * Where each searched field's offsets come from in the searcher's index: postings where they were
   * indexed with offsets (every index built since), else analysis. Read once per index reader.
   */
  private ReaderSources offsetSources(IndexSearcher searcher) {
    IndexReader reader = searcher.getIndexReader();
    ReaderSources cached = cachedSources;
    if (cached != null && cached.reader() == reader) {
      return cached;
    }
    FieldInfos infos = FieldInfos.getMergedFieldInfos(reader);
    Map<String, UnifiedHighlighter.OffsetSource> bySource = new HashMap<>();
    for (FieldInfo info : infos) {
      boolean offsets =
          info.getIndexOptions() == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS;
      bySource.put(
          info.name,
          offsets
              ? UnifiedHighlighter.OffsetSource.POSTINGS
              : UnifiedHighlighter.OffsetSource.ANALYSIS);
    }
    Map<String, Language> throughWords = new HashMap<>();
    if (infos.fieldInfo(Fields.TEXT_FORMS) != null) {
      for (Language language : Language.values()) {
        String field = Fields.text(language);
        if (bySource.get(field) == UnifiedHighlighter.OffsetSource.ANALYSIS) {
          throughWords.put(field, language);
        }
      }
    }
    cachedSources = new ReaderSources(reader, Map.copyOf(bySource), Map.copyOf(throughWords));
    return cachedSources;
  }
}
