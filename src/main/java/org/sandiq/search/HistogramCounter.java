package org.sandiq.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.sandiq.index.Fields;

/**
 * Counts a {@link Histogram} from the doc values of {@link Fields#DATE}, over the matches the facet
 * step has already collected: no second search, one doc-values read per match, so the histogram
 * comes with the facets at little extra cost.
 *
 * <p>The archive's own count per period (for the relative view) is a pass over every document; it
 * is made once per index reader and interval and kept until the reader changes.
 */
final class HistogramCounter {

  /** Widest span of periods counted in a plain array; wider (odd dates) is binary-searched. */
  private static final long DENSE_SPAN = 1 << 20;

  /** The archive's documents per period: sorted period keys and their counts. */
  private record Totals(IndexReader reader, long[] periods, long[] counts) {}

  private final Map<Histogram.Interval, Totals> totals = new EnumMap<>(Histogram.Interval.class);

  /** The histogram of {@code matches}, within the request's dates. */
  Histogram count(IndexReader reader, FacetsCollector matches, SearchRequest request)
      throws IOException {
    Histogram.Interval interval = request.interval();
    Totals archive = totals(reader, interval);
    long[] periods = archive.periods();
    long[] counted = new long[periods.length];
    if (periods.length > 0) {
      long min = periods[0];
      long span = periods[periods.length - 1] - min + 1;
      long[] dense = span <= DENSE_SPAN ? new long[(int) span] : null;
      for (FacetsCollector.MatchingDocs docs : matches.getMatchingDocs()) {
        countLeaf(docs, interval, dense, min, periods, counted);
      }
      if (dense != null) {
        for (int i = 0; i < periods.length; i++) {
          counted[i] = dense[(int) (periods[i] - min)];
        }
      }
    }
    return Histogram.of(interval, request.from(), request.to(), periods, archive.counts(), counted);
  }

  private static void countLeaf(
      FacetsCollector.MatchingDocs docs,
      Histogram.Interval interval,
      long[] dense,
      long min,
      long[] periods,
      long[] counted)
      throws IOException {
    if (docs.bits() == null) {
      return;
    }
    DocIdSetIterator it = docs.bits().iterator();
    if (it == null) {
      return;
    }
    NumericDocValues dates = DocValues.getNumeric(docs.context().reader(), Fields.DATE);
    for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
      if (!dates.advanceExact(doc)) {
        continue;
      }
      long period = key(dates.longValue(), interval);
      if (dense != null) {
        dense[(int) (period - min)]++;
      } else {
        int i = Arrays.binarySearch(periods, period);
        if (i >= 0) {
          counted[i]++;
        }
      }
    }
  }

  /** The archive's documents per period, counted once per reader. */
  private Totals totals(IndexReader reader, Histogram.Interval interval) throws IOException {
    synchronized (totals) {
      Totals cached = totals.get(interval);
      if (cached != null && cached.reader() == reader) {
        return cached;
      }
      TreeMap<Long, Long> perPeriod = new TreeMap<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        NumericDocValues dates = DocValues.getNumeric(leaf.reader(), Fields.DATE);
        for (int doc = dates.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = dates.nextDoc()) {
          if (live == null || live.get(doc)) {
            perPeriod.merge(key(dates.longValue(), interval), 1L, Long::sum);
          }
        }
      }
      long[] periods = new long[perPeriod.size()];
      long[] counts = new long[perPeriod.size()];
      int i = 0;
      for (Map.Entry<Long, Long> e : perPeriod.entrySet()) {
        periods[i] = e.getKey();
        counts[i++] = e.getValue();
      }
      Totals made = new Totals(reader, periods, counts);
      totals.put(interval, made);
      return made;
    }
  }

  /** The period of an instant (see {@link Histogram#period}). */
  static long key(long epochMillis, Histogram.Interval interval) {
    return Histogram.period(epochMillis, interval);
  }
}
