package org.sandiq.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
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
final class Autocomplete {
  /** Titles read to build the suggester; past this the most recent index part is skipped. */
  static final int MAX_TITLES = 500_000;

  private final Analyzer folding;
  private IndexReader builtFor;
  private Lookup lookup;

  Autocomplete(Analyzer folding) {
    this.folding = folding;
  }

  /** Up to {@code limit} completions of {@code prefix}, most frequent first. */
  synchronized List<String> complete(IndexSearcher searcher, String prefix, int limit)
      throws IOException {
    if (builtFor != searcher.getIndexReader()) {
      lookup = build(searcher);
      builtFor = searcher.getIndexReader();
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

  private Lookup build(IndexSearcher searcher) throws IOException {
    Map<String, Long> weights = new HashMap<>();
    StoredFields stored = searcher.storedFields();
    ScoreDoc[] docs = searcher.search(QueryBuilder.all(), MAX_TITLES).scoreDocs;
    for (ScoreDoc doc : docs) {
      String title = stored.document(doc.doc, Set.of(Fields.TITLE)).get(Fields.TITLE);
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
    suggester.build(new Entries(weights.entrySet().iterator()));
    return suggester;
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
