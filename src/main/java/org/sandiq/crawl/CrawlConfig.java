package org.sandiq.crawl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to crawl and within which bounds. {@link #defaults} gives the polite values a user gets from
 * the command line; tests shorten the delays.
 *
 * @param seeds start URLs (also what the scope is measured from)
 * @param out folder of the WARC files and the crawl journal
 * @param maxPages pages to fetch in this crawl, in all (robots.txt not counted)
 * @param maxDepth links to follow from a seed (0: the seeds only)
 * @param maxPagesPerHost pages to fetch from one host
 * @param scope which discovered URLs may be followed
 * @param delay the least time between two requests to one host (robots Crawl-delay, if larger,
 *     wins)
 * @param timeout connect and response timeout of one request
 * @param maxResponseBytes longer bodies are truncated and marked {@code WARC-Truncated: length}
 * @param maxRetries retries of a URL after a timeout, 5xx or 429 (with back-off)
 * @param backoffBase the first back-off after a timeout or 5xx; it doubles with every retry
 * @param maxRetryAfter the longest {@code Retry-After} obeyed; longer ones are cut to this
 * @param hostErrorBudget errors after which the rest of a host is given up
 * @param maxRedirects redirect hops followed from one URL
 * @param userAgent sent with every request and matched against robots.txt groups
 * @param allowPrivateAddresses follow links into loopback/private networks (off: only when a seed
 *     is there)
 * @param recrawl start a new pass over the site: conditional GETs, revisit records for unchanged
 *     pages
 * @param warcRollBytes a new WARC file is begun when the current one reaches this size
 * @param maxQueryVariants query variants a site makes of its own pages (see {@link TrapGuard})
 *     followed per path pattern
 */
public record CrawlConfig(
    List<String> seeds,
    Path out,
    int maxPages,
    int maxDepth,
    int maxPagesPerHost,
    CrawlScope scope,
    Duration delay,
    Duration timeout,
    long maxResponseBytes,
    int maxRetries,
    Duration backoffBase,
    Duration maxRetryAfter,
    int hostErrorBudget,
    int maxRedirects,
    String userAgent,
    boolean allowPrivateAddresses,
    boolean recrawl,
    long warcRollBytes,
    int maxQueryVariants) {

  /**
   * Query variants followed per path pattern unless told otherwise: a calendar's next months, a
   * listing's later pages by query string, filter combinations past that are skipped as traps.
   */
  public static final int DEFAULT_MAX_QUERY_VARIANTS = 20;

  public static final String DEFAULT_USER_AGENT =
      "SandiqBot/0.1 (+https://github.com/sandiq; archival crawler)";

  /** Polite defaults for {@code seeds}, writing to {@code out}. */
  public static CrawlConfig defaults(List<String> seeds, Path out) {
    return new CrawlConfig(
        List.copyOf(seeds),
        out,
        1000,
        5,
        1000,
        CrawlScope.HOST,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        10L << 20,
        2,
        Duration.ofSeconds(2),
        Duration.ofMinutes(5),
        50,
        5,
        DEFAULT_USER_AGENT,
        false,
        false,
        1L << 30,
        DEFAULT_MAX_QUERY_VARIANTS);
  }

  public CrawlConfig withBounds(int maxPages, int maxDepth, CrawlScope scope) {
    return new CrawlConfig(
        seeds,
        out,
        maxPages,
        maxDepth,
        maxPagesPerHost,
        scope,
        delay,
        timeout,
        maxResponseBytes,
        maxRetries,
        backoffBase,
        maxRetryAfter,
        hostErrorBudget,
        maxRedirects,
        userAgent,
        allowPrivateAddresses,
        recrawl,
        warcRollBytes,
        maxQueryVariants);
  }

  public CrawlConfig withTiming(Duration delay, Duration timeout, Duration backoffBase) {
    return new CrawlConfig(
        seeds,
        out,
        maxPages,
        maxDepth,
        maxPagesPerHost,
        scope,
        delay,
        timeout,
        maxResponseBytes,
        maxRetries,
        backoffBase,
        maxRetryAfter,
        hostErrorBudget,
        maxRedirects,
        userAgent,
        allowPrivateAddresses,
        recrawl,
        warcRollBytes,
        maxQueryVariants);
  }

  public CrawlConfig withLimits(int maxPagesPerHost, long maxResponseBytes, int hostErrorBudget) {
    return new CrawlConfig(
        seeds,
        out,
        maxPages,
        maxDepth,
        maxPagesPerHost,
        scope,
        delay,
        timeout,
        maxResponseBytes,
        maxRetries,
        backoffBase,
        maxRetryAfter,
        hostErrorBudget,
        maxRedirects,
        userAgent,
        allowPrivateAddresses,
        recrawl,
        warcRollBytes,
        maxQueryVariants);
  }

  public CrawlConfig withUserAgent(String userAgent) {
    return new CrawlConfig(
        seeds,
        out,
        maxPages,
        maxDepth,
        maxPagesPerHost,
        scope,
        delay,
        timeout,
        maxResponseBytes,
        maxRetries,
        backoffBase,
        maxRetryAfter,
        hostErrorBudget,
        maxRedirects,
        userAgent,
        allowPrivateAddresses,
        recrawl,
        warcRollBytes,
        maxQueryVariants);
  }

  public CrawlConfig withRecrawl(boolean recrawl, boolean allowPrivateAddresses) {
    return new CrawlConfig(
        seeds,
        out,
        maxPages,
        maxDepth,
        maxPagesPerHost,
        scope,
        delay,
        timeout,
        maxResponseBytes,
        maxRetries,
        backoffBase,
        maxRetryAfter,
        hostErrorBudget,
        maxRedirects,
        userAgent,
        allowPrivateAddresses,
        recrawl,
        warcRollBytes,
        maxQueryVariants);
  }

  public CrawlConfig withWarcRollBytes(long warcRollBytes) {
    return new CrawlConfig(
        seeds,
        out,
        maxPages,
        maxDepth,
        maxPagesPerHost,
        scope,
        delay,
        timeout,
        maxResponseBytes,
        maxRetries,
        backoffBase,
        maxRetryAfter,
        hostErrorBudget,
        maxRedirects,
        userAgent,
        allowPrivateAddresses,
        recrawl,
        warcRollBytes,
        maxQueryVariants);
  }

  /** With at most {@code maxQueryVariants} self-made query variants followed per path pattern. */
  public CrawlConfig withMaxQueryVariants(int maxQueryVariants) {
    return new CrawlConfig(
        seeds,
        out,
        maxPages,
        maxDepth,
        maxPagesPerHost,
        scope,
        delay,
        timeout,
        maxResponseBytes,
        maxRetries,
        backoffBase,
        maxRetryAfter,
        hostErrorBudget,
        maxRedirects,
        userAgent,
        allowPrivateAddresses,
        recrawl,
        warcRollBytes,
        maxQueryVariants);
  }
}
