package org.sandiq.crawl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sandiq.ingest.PageLinks;

/**
 * The crawl loop: picks the host that may be asked soonest, fetches its next URL, archives the
 * exchange, queues what it links to, and journals the step, until the queue is empty, the page
 * limit is reached or {@link #stop} is called. One request at a time: politeness first; the delay
 * per host bounds speed anyway.
 */
public final class Crawler {
  private final CrawlConfig config;
  private final AtomicBoolean stop = new AtomicBoolean();

  public Crawler(CrawlConfig config) {
    this.config = config;
  }

  /** Asks a running crawl to finish the step it is in and return; safe from any thread. */
  public void stop() {
    stop.set(true);
  }

  /** Whether {@link #stop} was called. */
  public boolean stopped() {
    return stop.get();
  }

  /** Crawls (or resumes the crawl in {@code config.out()}) and says what this run did. */
  public CrawlReport run(CrawlListener listener) throws IOException {
    List<String> seeds = new ArrayList<>();
    for (String seed : config.seeds()) {
      String canonical = CanonicalUrl.of(seed, null);
      if (canonical == null) {
        throw new IllegalArgumentException("not an http(s) URL: " + seed);
      }
      seeds.add(canonical);
    }
    try (Frontier frontier = Frontier.open(config.out());
        WarcArchive archive = new WarcArchive(config.out(), config.warcRollBytes(), software());
        Fetcher fetcher =
            new Fetcher(config.userAgent(), config.timeout(), config.maxResponseBytes())) {
      Run run = new Run(frontier, archive, fetcher, seeds, listener);
      return run.crawl();
    }
  }

  private static String software() {
    String version = Crawler.class.getPackage().getImplementationVersion();
    return "Sandiq " + (version == null ? "development" : version) + " (jwarc, crawler-commons)";
  }

  /** The state of one run. */
  private final class Run {
    final Frontier frontier;
    final WarcArchive archive;
    final Fetcher fetcher;
    final List<String> seeds;
    final CrawlListener listener;
    final HostPacer pacer = new HostPacer(config.hostErrorBudget());
    final RetryPolicy retry = new RetryPolicy(config.backoffBase(), config.maxRetryAfter());
    final Discovery discovery;
    final AddressPolicy addresses;
    final RobotsCache robotsCache;
    final Map<String, Integer> robotsAttempts = new HashMap<>();
    final long started = System.currentTimeMillis();
    int fetched;
    int revisits;
    int redirects;
    int errors;
    int retries;
    int robotsBlocked;
    int truncated;
    int noindex;
    long bytes;

    Run(
        Frontier frontier,
        WarcArchive archive,
        Fetcher fetcher,
        List<String> seeds,
        CrawlListener listener) {
      this.frontier = frontier;
      this.archive = archive;
      this.fetcher = fetcher;
      this.seeds = seeds;
      this.listener = listener;
      this.discovery = new Discovery(config, seeds, new TrapGuard(config.maxQueryVariants()));
      this.addresses = AddressPolicy.forSeeds(seeds, config.allowPrivateAddresses());
      this.robotsCache = new RobotsCache(fetcher, addresses, config.userAgent());
    }

    CrawlReport report() {
      return new CrawlReport(
          fetched,
          revisits,
          redirects,
          errors,
          retries,
          robotsBlocked,
          discovery.trapped(),
          truncated,
          noindex,
          bytes,
          System.currentTimeMillis() - started);
    }

    CrawlReport crawl() throws IOException {
      for (WarcRecovery.Recovered r :
          WarcRecovery.recover(config.out(), frontier.completeFiles())) {
        Frontier.Entry entry = frontier.entry(r.exchange().url());
        if (entry != null) {
          Frontier.Step step = frontier.step();
          record(step, entry, r.exchange(), r.stored(), r.revisit());
          step.commit();
        }
      }
      Frontier.Step start = frontier.step();
      List<String> added = new ArrayList<>();
      // A new pass only over a finished one: --recrawl on a killed recrawl resumes it.
      if (config.recrawl() && frontier.started() && frontier.queued() == 0) {
        Map<String, Frontier.Capture> previous = frontier.captures();
        start.newPass().commit();
        start = frontier.step();
        for (var e : previous.entrySet()) {
          discovery.offer(
              frontier,
              start,
              added,
              e.getKey(),
              null,
              e.getValue().depth(),
              0,
              Frontier.Kind.PAGE);
        }
      }
      for (String seed : seeds) {
        discovery.offer(frontier, start, added, seed, null, 0, 0, Frontier.Kind.PAGE);
      }
      start.commit();
      while (!stop.get() && frontier.fetchedInPass() < config.maxPages()) {
        String host = nextHost();
        if (host == null) {
          break;
        }
        long wait = pacer.readyAt(host) - System.currentTimeMillis();
        if (wait > 0) {
          try {
            Thread.sleep(wait);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
        try {
          step(host, frontier.peek(host));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        listener.progress(report(), frontier.queued());
      }
      return report();
    }

    private String nextHost() {
      String best = null;
      for (String host : frontier.hosts()) {
        if (best == null || pacer.readyAt(host) < pacer.readyAt(best)) {
          best = host;
        }
      }
      return best;
    }

    private void step(String host, Frontier.Entry entry) throws IOException, InterruptedException {
      RobotsRules robots = robots(host);
      if (robots == null) {
        return; // robots.txt was fetched just now: the host's delay applies before the page
      }
      if (pacer.exhausted(host)) {
        finish(entry, "host-error-budget");
        return;
      }
      if (!robots.allows(entry.url())) {
        robotsBlocked++;
        finish(entry, "robots");
        return;
      }
      if (frontier.fetchedFrom(host) >= config.maxPagesPerHost()) {
        finish(entry, "host-cap");
        return;
      }
      InetAddress address;
      try {
        address = addresses.resolve(URI.create(entry.url()).getHost());
      } catch (UnknownHostException | AddressPolicy.ForbiddenAddressException e) {
        fail(host, entry, e instanceof UnknownHostException ? "unknown host" : e.getMessage());
        return;
      }
      Frontier.Capture previous = frontier.capture(entry.url());
      List<Map.Entry<String, String>> conditional = new ArrayList<>();
      if (previous != null && previous.etag() != null) {
        conditional.add(Map.entry("If-None-Match", previous.etag()));
      }
      if (previous != null && previous.lastModified() != null) {
        conditional.add(Map.entry("If-Modified-Since", previous.lastModified()));
      }
      long delay = Math.max(config.delay().toMillis(), robots.crawlDelayMillis());
      Exchange ex;
      try {
        ex = fetcher.get(entry.url(), address, conditional);
      } catch (IOException e) {
        pacer.wait(host, System.currentTimeMillis(), delay);
        String why = e instanceof HttpTimeoutException ? "timeout" : String.valueOf(e.getMessage());
        retryOrFail(host, entry, why, retry.backoffMillis(entry.attempt()));
        return;
      } catch (IllegalArgumentException e) {
        fail(host, entry, "not a URL the HTTP client accepts: " + e.getMessage());
        return;
      }
      pacer.wait(host, System.currentTimeMillis(), delay);
      int status = ex.status();
      if (status == 429 || status == 503 || status >= 500) {
        if (entry.attempt() < config.maxRetries()) {
          long after = status == 429 || status == 503 ? retry.retryAfterMillis(ex) : -1;
          retryOrFail(
              host,
              entry,
              "HTTP " + status,
              after >= 0 ? after : retry.backoffMillis(entry.attempt()));
          return;
        }
      }
      boolean revisit =
          previous != null
              && (status == 304
                  || (status == 200
                      && !ex.truncated()
                      && WarcArchive.payloadDigest(ex.body())
                          .equals(previous.original().payloadDigest())));
      boolean isNoindex = false;
      if (!revisit && status >= 200 && status < 300 && ex.isHtml()) {
        isNoindex = PageLinks.of(ex.body(), ex.charset(), ex.url()).noindex();
      }
      if (isNoindex) {
        noindex++;
        Frontier.Step step = frontier.step();
        discovery.links(frontier, step, entry, ex);
        step.done(entry.url(), "noindex").commit();
        return;
      }
      WarcArchive.Stored stored =
          revisit ? archive.writeRevisit(ex, previous.original()) : archive.writeResponse(ex);
      Frontier.Step step = frontier.step();
      record(step, entry, ex, stored, revisit);
      step.commit();
      if (status >= 400 && !(entry.kind() == Frontier.Kind.SITEMAP && status < 500)) {
        errors++;
        listener.failed(entry.url(), "HTTP " + status);
        pacer.error(host);
      }
    }

    /** The journal lines for an archived exchange: done, capture, WARC length, links. */
    private void record(
        Frontier.Step step,
        Frontier.Entry entry,
        Exchange ex,
        WarcArchive.Stored stored,
        boolean revisit) {
      fetched++;
      bytes += ex.body().length;
      if (revisit) {
        revisits++;
      }
      if (ex.truncated()) {
        truncated++;
      }
      int status = ex.status();
      if (ex.isRedirect()) {
        redirects++;
        discovery.redirect(frontier, step, entry, ex);
      } else if (status >= 200 && status < 300 && !ex.truncated()) {
        if (entry.kind() == Frontier.Kind.SITEMAP) {
          discovery.sitemap(frontier, step, entry, ex);
        } else if (ex.isHtml()) {
          discovery.links(frontier, step, entry, ex);
        }
      }
      if (status >= 200 && status < 300 && !revisit) {
        step.capture(
            entry.url(),
            new Frontier.Capture(
                new WarcArchive.Original(
                    stored.responseId(), entry.url(), stored.date(), stored.payloadDigest()),
                ex.header("ETag").orElse(null),
                ex.header("Last-Modified").orElse(null),
                entry.depth()));
      }
      step.complete(stored.file(), stored.endOffset());
      step.done(entry.url(), "fetched");
    }

    /** robots.txt rules for {@code host}, or null after fetching them (the caller comes back). */
    private RobotsRules robots(String host) throws IOException, InterruptedException {
      RobotsRules known = robotsCache.known(host, frontier);
      if (known != null) {
        return known;
      }
      Frontier.Robots fetched;
      String failure = null;
      try {
        fetched = robotsCache.fetch(host);
        if (fetched.status() == 429 || fetched.status() >= 500) {
          failure = "robots.txt: HTTP " + fetched.status();
        }
      } catch (IOException e) {
        fetched = new Frontier.Robots(0, new byte[0]);
        failure = "robots.txt: " + e.getMessage();
      } catch (AddressPolicy.ForbiddenAddressException e) {
        fetched = new Frontier.Robots(0, new byte[0]);
        listener.failed(host + "/robots.txt", e.getMessage());
      }
      if (failure != null) {
        int attempts = robotsAttempts.merge(host, 1, Integer::sum);
        if (attempts <= config.maxRetries()) {
          // A timeout or a server error may pass: try again after a back-off.
          retries++;
          pacer.wait(host, System.currentTimeMillis(), retry.backoffMillis(attempts - 1));
          return null;
        }
        // Still unreachable: the host is off limits for this crawl (RFC 9309, 2.3.1.4).
        listener.failed(host + "/robots.txt", failure);
      }
      RobotsRules parsed = robotsCache.remember(host, fetched);
      pacer.wait(
          host,
          System.currentTimeMillis(),
          Math.max(config.delay().toMillis(), parsed.crawlDelayMillis()));
      Frontier.Step step = frontier.step().robots(host, fetched);
      List<String> added = new ArrayList<>();
      List<String> sitemaps = new ArrayList<>(parsed.sitemaps());
      sitemaps.add(host + "/sitemap.xml");
      for (String sitemap : sitemaps) {
        discovery.offer(
            frontier,
            step,
            added,
            CanonicalUrl.of(sitemap, null),
            null,
            0,
            0,
            Frontier.Kind.SITEMAP);
      }
      step.commit();
      return null; // the host's delay applies before the page
    }

    private void retryOrFail(String host, Frontier.Entry entry, String why, long waitMillis)
        throws IOException {
      if (entry.attempt() < config.maxRetries()) {
        retries++;
        pacer.wait(host, System.currentTimeMillis(), waitMillis);
        frontier.requeue(entry, entry.retried());
        return;
      }
      fail(host, entry, why);
    }

    private void fail(String host, Frontier.Entry entry, String why) throws IOException {
      errors++;
      listener.failed(entry.url(), why);
      pacer.error(host);
      finish(entry, "error");
    }

    private void finish(Frontier.Entry entry, String outcome) throws IOException {
      frontier.step().done(entry.url(), outcome).commit();
    }
  }
}
