package org.sandiq.crawl;

import java.util.Map;
import java.util.StringJoiner;

/**
 * URLs a crawl run skipped as traps (see {@link TrapGuard}): each URL counted once however many
 * pages link to it.
 *
 * @param total URLs skipped
 * @param byKind how many of each kind, by the kind's words ("query variants", "calendar dates" …),
 *     in a fixed order
 * @param topPattern the path pattern (or calendar shape) with the most skipped URLs, or null
 * @param topCount how many URLs were skipped under {@code topPattern}
 */
public record TrapCounts(int total, Map<String, Integer> byKind, String topPattern, int topCount) {
  public TrapCounts {
    byKind = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byKind));
  }

  /** None skipped. */
  public static TrapCounts none() {
    return new TrapCounts(0, Map.of(), null, 0);
  }

  /**
   * One line for the end of a run, e.g. {@code traps: 412 URLs skipped (query variants 400,
   * calendar dates 10, looping or deep paths 2, long queries 0), most under example.org/agenda
   * (395)}.
   */
  public String summary() {
    StringBuilder line = new StringBuilder("traps: ").append(total).append(" URLs skipped");
    if (total == 0) {
      return line.toString();
    }
    StringJoiner kinds = new StringJoiner(", ", " (", ")");
    byKind.forEach((kind, n) -> kinds.add(kind + " " + n));
    line.append(kinds);
    if (topPattern != null && topCount > 0) {
      line.append(", most under ").append(topPattern).append(" (").append(topCount).append(')');
    }
    return line.toString();
  }
}
