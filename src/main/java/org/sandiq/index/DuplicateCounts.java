package org.sandiq.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;

/**
 * How many documents of an index are copies of another, by the duplicate keys stored with each (see
 * {@link Fields#TEXT_HASH}, {@link Fields#NEAR_HASH}, {@link Fields#URL_KEY}).
 *
 * @param exactCopies documents whose text another document already has (a group of n counts n-1)
 * @param nearCopies documents in a near-duplicate cluster beyond its first (same MinHash sketch,
 *     not the same text)
 * @param capturedUrls URLs captured more than once
 * @param captures documents that are captures of those URLs
 */
public record DuplicateCounts(long exactCopies, long nearCopies, long capturedUrls, long captures) {

  /** Counts over the committed index in {@code dir}, read from doc values. */
  public static DuplicateCounts read(Path dir) throws IOException {
    try (FSDirectory directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      Map<String, Integer> exact = groups(reader, Fields.TEXT_HASH);
      Map<String, Integer> near = groups(reader, Fields.NEAR_HASH);
      Map<String, Integer> urls = groups(reader, Fields.URL_KEY);
      long exactCopies = copies(exact);
      long nearClusters = near.values().stream().filter(n -> n > 1).count();
      long nearMembers = near.values().stream().filter(n -> n > 1).mapToLong(n -> n).sum();
      long capturedUrls = urls.values().stream().filter(n -> n > 1).count();
      long captures = urls.values().stream().filter(n -> n > 1).mapToLong(n -> n).sum();
      // Near clusters include exact copies; report only what exact matching did not find.
      long nearCopies = Math.max(0, nearMembers - nearClusters - exactCopies);
      return new DuplicateCounts(exactCopies, nearCopies, capturedUrls, captures);
    }
  }

  /** The line printed before the reindex summary. */
  public String line() {
    return String.format(
        Locale.ROOT,
        "duplicates: %d exact, %d near; %d URLs captured more than once (%d captures)",
        exactCopies,
        nearCopies,
        capturedUrls,
        captures);
  }

  private static long copies(Map<String, Integer> groups) {
    return groups.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
  }

  private static Map<String, Integer> groups(DirectoryReader reader, String field)
      throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      SortedDocValues values = leaf.reader().getSortedDocValues(field);
      if (values == null) {
        continue;
      }
      var live = leaf.reader().getLiveDocs();
      for (int doc = values.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = values.nextDoc()) {
        if (live == null || live.get(doc)) {
          counts.merge(values.lookupOrd(values.ordValue()).utf8ToString(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }
}
