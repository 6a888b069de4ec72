package org.sandiq.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.sandiq.index.Fields;

/**
 * Autocomplete for the search box, from the archive's titles and the words they use.
 *
 * <p>A Lucene {@link AnalyzingSuggester} with the folding analyzer, so {@code xank} completes to
 * {@code Xankəndi} and {@code ingilt} to {@code İngiltərə}. Entries are title words (weighted by
 * how many titles use them) and whole titles. It is built once per index reader, when first asked
 * after a reindex, from stored titles.
 */
public final class Autocomplete {
  /** Titles read to build the suggester; past this the most recent index part is skipped. */
  static final int MAX_TITLES = 500_000;

  private final Analyzer folding;
  private Object builtFor;
  private Lookup lookup;

  Autocomplete(Analyzer folding) {
    this.folding = folding;
  }

  /** Completions with the folding of {@code analyzers}. */
  public Autocomplete(org.sandiq.index.FieldAnalyzers analyzers) {
    this(analyzers.languages().folded());
  }

  /** Where a backend reads the titles completions are built from. */
  @FunctionalInterface
  public interface Titles {
    /** Up to {@code max} titles of content documents. */
    Iterable<String> read(int max) throws IOException;
  }

  /**
   * Up to {@code limit} completions of {@code prefix}, most frequent first, built from {@code
   * titles} when first asked for a new {@code version} of the index (any value that changes when
   * the index does).
   */
  public synchronized List<String> complete(Object version, Titles titles, String prefix, int limit)
      throws IOException {
    if (builtFor == null || !builtFor.equals(version)) {
      lookup = build(titles.read(MAX_TITLES));
      builtFor = version;
    }
    if (lookup == null || prefix.isBlank()) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (Lookup.LookupResult result : lookup.lookup(prefix.strip(), false, limit * 2)) {
      out.add(result.key.toString());
      if (out.size() == limit) {
        break;
      }
    }
    return new ArrayList<>(out);
  }

  /** Up to {@code limit} completions of {@code prefix}, from the titles {@code searcher} holds. */
  List<String> complete(IndexSearcher searcher, String prefix, int limit) throws IOException {
    return complete(searcher.getIndexReader(), max -> titles(searcher, max), prefix, limit);
  }

  private static List<String> titles(IndexSearcher searcher, int max) throws IOException {
    List<String> titles = new ArrayList<>();
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc doc : searcher.search(QueryBuilder.all(), max).scoreDocs) {
      titles.add(stored.document(doc.doc, Set.of(Fields.TITLE)).get(Fields.TITLE));
    }
    return titles;
  }

  private Lookup build(Iterable<String> titles) throws IOException {
    Map<String, Long> weights = new HashMap<>();
    for (String title : titles) {
      if (title == null || title.isBlank()) {
        continue;
      }
      String clean = title.strip();
      if (clean.length() <= 80) {
        weights.merge(clean, 1L, Long::sum);
      }
      for (String word : clean.split("[^\\p{L}\\p{M}\\p{N}'’-]+")) {
        if (word.codePointCount(0, word.length()) >= 3) {
          weights.merge(word, 2L, Long::sum);
        }
      }
    }
    if (weights.isEmpty()) {
      return null;
    }
    AnalyzingSuggester suggester =
        new AnalyzingSuggester(new ByteBuffersDirectory(), "autocomplete", folding);
    suggester.build(new Entries(oneSpellingPerCase(weights).entrySet().iterator()));
    return suggester;
  }

  /**
   * The entries with spellings that differ only in case merged into one ({@code Interface} at the
   * start of a title, {@code interface} inside one): one completion, weighing what both did, in
   * lower case when the titles use it, else in their commonest spelling. Lower case because it is
   * what people type, and the suggester puts first only an entry spelled exactly as typed.
   * Diacritics are not merged: {@code Información} and {@code Information} are words of two
   * languages.
   */
  static Map<String, Long> oneSpellingPerCase(Map<String, Long> weights) {
    Map<String, Long> totals = new HashMap<>();
    Map<String, String> spelling = new HashMap<>();
    for (Map.Entry<String, Long> entry : weights.entrySet()) {
      String key = entry.getKey().toLowerCase(Locale.ROOT);
      totals.merge(key, entry.getValue(), Long::sum);
      spelling.merge(key, entry.getKey(), (a, b) -> preferred(key, weights, a, b));
    }
    Map<String, Long> merged = new HashMap<>();
    totals.forEach((key, total) -> merged.put(spelling.get(key), total));
    return merged;
  }

  private static String preferred(String lower, Map<String, Long> weights, String a, String b) {
    if (a.equals(lower) || b.equals(lower)) {
      return lower;
    }
    int byWeight = Long.compare(weights.get(a), weights.get(b));
    return byWeight > 0 || (byWeight == 0 && a.compareTo(b) > 0) ? a : b;
  }

  /** Feeds (text, weight) pairs to the suggester. */
  private static final class Entries implements InputIterator {
    private final Iterator<Map.Entry<String, Long>> it;
    private long weight;

    Entries(Iterator<Map.Entry<String, Long>> it) {
      this.it = it;
    }

    @Override
    public BytesRef next() {
      if (!it.hasNext()) {
        return null;
      }
      Map.Entry<String, Long> entry = it.next();
      weight = entry.getValue();
      return new BytesRef(entry.getKey());
    }

    @Override
    public long weight() {
      return weight;
    }

    @Override
    public BytesRef payload() {
      return null;
    }

    @Override
    public boolean hasPayloads() {
      return false;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }
}
