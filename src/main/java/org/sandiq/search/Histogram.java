package org.sandiq.search;

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
