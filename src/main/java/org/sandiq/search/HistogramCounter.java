package org.sandiq.search;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
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
  /** Most buckets one histogram may have: past it, a coarser interval or narrower dates. */
  static final int MAX_BUCKETS = 5000;

  /** Widest span of periods counted in a plain array; wider (odd dates) is binary-searched. */
  private static final long DENSE_SPAN = 1 << 20;

  private static final long DAY_MILLIS = 86_400_000L;

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
    long from = request.from() == null ? Long.MIN_VALUE : key(request.from(), interval);
    long to = request.to() == null ? Long.MAX_VALUE : key(request.to(), interval);
    int first = 0;
    while (first < periods.length && periods[first] < from) {
      first++;
    }
    int last = periods.length - 1;
    while (last >= first && periods[last] > to) {
      last--;
    }
    List<Histogram.Bucket> buckets = new ArrayList<>();
    if (first <= last) {
      if (periods[last] - periods[first] >= MAX_BUCKETS) {
        throw new InvalidRequestException(
            "the histogram would have more than "
                + MAX_BUCKETS
                + " periods: narrow from/to or use a coarser interval");
      }
      int at = first;
      for (long period = periods[first]; period <= periods[last]; period++) {
        boolean held = periods[at] == period;
        buckets.add(
            new Histogram.Bucket(
                label(period, interval), held ? counted[at] : 0, held ? archive.counts()[at] : 0));
        if (held) {
          at++;
        }
      }
    }
    return new Histogram(interval.code(), buckets);
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

  /** The period of an instant: a year, a month counted from year 0, or a day since 1970. */
  static long key(long epochMillis, Histogram.Interval interval) {
    long day = Math.floorDiv(epochMillis, DAY_MILLIS);
    if (interval == Histogram.Interval.DAY) {
      return day;
    }
    return key(LocalDate.ofEpochDay(day), interval);
  }

  private static long key(LocalDate date, Histogram.Interval interval) {
    return switch (interval) {
      case YEAR -> date.getYear();
      case MONTH -> date.getYear() * 12L + date.getMonthValue() - 1;
      case DAY -> date.toEpochDay();
    };
  }

  private static String label(long period, Histogram.Interval interval) {
    return switch (interval) {
      case YEAR -> String.format(java.util.Locale.ROOT, "%04d", period);
      case MONTH ->
          String.format(
              java.util.Locale.ROOT,
              "%04d-%02d",
              Math.floorDiv(period, 12),
              Math.floorMod(period, 12) + 1);
      case DAY ->
          LocalDate.ofEpochDay(period).atStartOfDay(ZoneOffset.UTC).toLocalDate().toString();
    };
  }
}
