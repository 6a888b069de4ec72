package org.sandiq.crawl;

/** Hears about a crawl as it goes, for progress on a terminal. Called from the crawl's thread. */
public interface CrawlListener {
  /** After every fetch (or skip) with the counts so far and the URLs still queued. */
  default void progress(CrawlReport sofar, int queued) {}

  /** A URL that failed for good (after retries), with the reason. */
  default void failed(String url, String reason) {}

  CrawlListener NONE = new CrawlListener() {};
}
