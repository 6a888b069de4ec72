package org.sandiq.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Matching documents over time: one bucket per period (by the {@code date} field, publication date
 * else capture date, UTC), with how many documents the whole archive holds in that period, so a
 * page can show a word's share of each period rather than the archive's growth.
 *
 * @param interval the period of each bucket: {@code year}, {@code month} or {@code day}
 * @param buckets every period from the archive's first dated document to its last (within the
 *     request's {@code from}/{@code to}), oldest first, empty periods included
 */
public record Histogram(String interval, List<Bucket> buckets) {
  /** The most buckets one histogram may have. */
  public static final int MAX_BUCKETS = 5000;

  private static final long DAY_MILLIS = 86_400_000L;

  /** The period of an instant: a year, a month counted from year 0, or a day since 1970 (UTC). */
  public static long period(long epochMillis, Interval interval) {
    long day = Math.floorDiv(epochMillis, DAY_MILLIS);
    if (interval == Interval.DAY) {
      return day;
    }
    return period(LocalDate.ofEpochDay(day), interval);
  }

  private static long period(LocalDate date, Interval interval) {
    return switch (interval) {
      case YEAR -> date.getYear();
      case MONTH -> date.getYear() * 12L + date.getMonthValue() - 1;
      case DAY -> date.toEpochDay();
    };
  }

  /**
   * The histogram of the periods an archive holds documents in, every period from its first to its
   * last within {@code from}/{@code to}, empty ones included.
   *
   * @param periods the archive's periods holding dated documents, ascending
   * @param totals the archive's documents in each of {@code periods}
   * @param counted the matching documents in each of {@code periods}
   * @throws InvalidRequestException when that is more than {@value #MAX_BUCKETS} periods
   */
  public static Histogram of(
      Interval interval,
      LocalDate from,
      LocalDate to,
      long[] periods,
      long[] totals,
      long[] counted) {
    long low = from == null ? Long.MIN_VALUE : period(from, interval);
    long high = to == null ? Long.MAX_VALUE : period(to, interval);
    int first = 0;
    while (first < periods.length && periods[first] < low) {
      first++;
    }
    int last = periods.length - 1;
    while (last >= first && periods[last] > high) {
      last--;
    }
    List<Bucket> buckets = new ArrayList<>();
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
            new Bucket(label(period, interval), held ? counted[at] : 0, held ? totals[at] : 0));
        if (held) {
          at++;
        }
      }
    }
    return new Histogram(interval.code(), buckets);
  }

  private static String label(long period, Interval interval) {
    return switch (interval) {
      case YEAR -> String.format(Locale.ROOT, "%04d", period);
      case MONTH ->
          String.format(
              Locale.ROOT, "%04d-%02d", Math.floorDiv(period, 12), Math.floorMod(period, 12) + 1);
      case DAY -> LocalDate.ofEpochDay(period).toString();
    };
  }

  /**
   * One period.
   *
   * @param period {@code 2021}, {@code 2021-03} or {@code 2021-03-15}
   * @param count matching documents dated in the period
   * @param total documents the archive holds dated in the period (every filter and word left out)
   */
  public record Bucket(String period, long count, long total) {}

  /** The length of a bucket. */
  public enum Interval {
    YEAR,
    MONTH,
    DAY;

    /** The interval named {@code name} (case-insensitive). */
    public static Interval parse(String name) {
      for (Interval interval : values()) {
        if (interval.name().equalsIgnoreCase(name.strip())) {
          return interval;
        }
      }
      throw new InvalidRequestException("unknown interval '" + name + "': use year, month or day");
    }

    /** The name the API uses. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
