package org.sandiq.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.sandiq.index.Fields;

/**
 * Cuts one page out of ranked hits, collapsing exact duplicates and captures: only the best-ranked
 * copy of a text is shown, with the number of other copies, and only the best-ranked capture of a
 * URL (the hit says how many captures its URL has; {@code url:} lists them). Collapsing is done
 * over the ranked list, so a page may need more raw hits than its size (the caller fetches a
 * margin). A page reached by a cursor has not seen the hits before it, so there each candidate is
 * also asked whether another document with its text or URL ranks above it anywhere ({@link
 * Earlier}): a text or a URL is shown once over all pages, on the page of its best-ranked copy.
 */
final class HitPage {
  /** One shown hit: the Lucene hit and how many other documents share its text. */
  record Entry(ScoreDoc doc, int duplicates) {}

  final List<Entry> entries;

  /**
   * Whether another document sharing {@code key} in {@code field} with {@code hit} ranks above it
   * in the same query and order (then an earlier page showed that one).
   */
  interface Earlier {
    boolean outranked(ScoreDoc hit, String field, String key) throws IOException;

    /** For a first page or a numbered page: the ranked list holds everything above it. */
    Earlier NONE = (hit, field, key) -> false;
  }

  /** The last raw hit this page consumed, or null when there are no more hits. */
  final ScoreDoc continueAfter;

  private HitPage(List<Entry> entries, ScoreDoc continueAfter) {
    this.entries = entries;
    this.continueAfter = continueAfter;
  }

  /**
   * @param ranked raw hits, best first
   * @param skip how many collapsed hits come before this page
   * @param size hits on this page
   * @param maybeMore whether there may be raw hits beyond {@code ranked}
   * @param earlier asks whether a hit's text or URL was shown above {@code ranked}
   */
  static HitPage cut(
      IndexSearcher searcher,
      ScoreDoc[] ranked,
      int skip,
      int size,
      boolean maybeMore,
      Earlier earlier)
      throws IOException {
    Set<String> seen = new HashSet<>();
    Set<String> urls = new HashSet<>();
    List<Entry> entries = new ArrayList<>(size);
    int unique = 0;
    int i = 0;
    for (; i < ranked.length && entries.size() < size; i++) {
      String key = DocumentLookup.key(searcher, ranked[i].doc, Fields.TEXT_HASH);
      if (key != null && (!seen.add(key) || earlier.outranked(ranked[i], Fields.TEXT_HASH, key))) {
        continue;
      }
      String url = DocumentLookup.key(searcher, ranked[i].doc, Fields.URL_KEY);
      if (url != null && (!urls.add(url) || earlier.outranked(ranked[i], Fields.URL_KEY, url))) {
        continue;
      }
      if (unique++ < skip) {
        continue;
      }
      entries.add(new Entry(ranked[i], key == null ? 0 : copies(searcher, key) - 1));
    }
    boolean more = i < ranked.length || maybeMore;
    ScoreDoc last = entries.size() == size && more ? ranked[i - 1] : null;
    return new HitPage(entries, last);
  }

  /** A page of {@code ranked} with every copy kept, each its own entry. */
  static HitPage uncollapsed(ScoreDoc[] ranked, int skip, int size, boolean maybeMore) {
    List<Entry> entries = new ArrayList<>(size);
    for (int i = skip; i < Math.min(ranked.length, skip + size); i++) {
      entries.add(new Entry(ranked[i], 0));
    }
    boolean more = skip + size < ranked.length || maybeMore;
    ScoreDoc last = entries.size() == size && more ? ranked[skip + size - 1] : null;
    return new HitPage(entries, last);
  }

  private static int copies(IndexSearcher searcher, String key) throws IOException {
    return Math.max(1, searcher.count(new TermQuery(new Term(Fields.TEXT_HASH, key))));
  }
}
