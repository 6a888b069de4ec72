package org.sandiq.crawl;

import java.util.Locale;

/**
 * What a crawl run did. Counts are of this run (a resumed crawl counts from where it resumed).
 *
 * @param fetched responses archived (any status, revisits included)
 * @param revisits unchanged pages recorded as revisit records
 * @param redirects redirect responses followed
 * @param errors URLs given up: network errors, timeouts and 5xx after retries, 4xx, refused
 *     addresses
 * @param retries requests repeated after a timeout, 5xx or 429/503
 * @param robotsBlocked URLs robots.txt disallowed (never requested)
 * @param traps URLs skipped as traps, by kind
 * @param truncated responses cut at the size limit
 * @param noindex pages fetched but not archived because their meta robots said noindex
 * @param bytes payload bytes archived
 * @param millis run time
 */
public record CrawlReport(
    int fetched,
    int revisits,
    int redirects,
    int errors,
    int retries,
    int robotsBlocked,
    TrapCounts traps,
    int truncated,
    int noindex,
    long bytes,
    long millis) {

  public double pagesPerSecond() {
    return millis == 0 ? 0 : fetched * 1000.0 / millis;
  }

  /** The line on what was skipped as traps. */
  public String trapSummary() {
    return traps.summary();
  }

  /** One line for the end of a run. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "fetched %d (%d unchanged), redirects %d, errors %d, retries %d, robots-blocked %d,"
            + " traps %d, truncated %d, noindex %d, %.1f MB in %.1f s (%.1f pages/s)",
        fetched,
        revisits,
        redirects,
        errors,
        retries,
        robotsBlocked,
        traps.total(),
        truncated,
        noindex,
        bytes / 1e6,
        millis / 1000.0,
        pagesPerSecond());
  }
}
