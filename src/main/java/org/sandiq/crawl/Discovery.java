package org.sandiq.crawl;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.sandiq.ingest.PageLinks;

/**
 * Turns what a response points to (links, a redirect, sitemap entries) into queue entries: each URL
 * canonical, in scope, not a trap, not seen, within depth.
 */
final class Discovery {
  /** Links read from one page at most: a page of a million links must not flood the queue. */
  static final int MAX_LINKS = 5000;

  private final CrawlConfig config;
  private final List<String> seeds;
  private final TrapGuard traps;

  Discovery(CrawlConfig config, List<String> seeds, TrapGuard traps) {
    this.config = config;
    this.seeds = seeds;
    this.traps = traps;
  }

  TrapCounts trapped() {
    return traps.counts();
  }

  /**
   * Queues {@code url} if it may be crawled; true when a line was added to {@code step}. {@code
   * from} is the page that links to it (null for a seed, a recrawled page or a sitemap entry).
   */
  boolean offer(
      Frontier frontier,
      Frontier.Step step,
      List<String> added,
      String url,
      String from,
      int depth,
      int hops,
      Frontier.Kind kind) {
    if (url == null || depth > config.maxDepth() || frontier.seen(url) || added.contains(url)) {
      return false;
    }
    if (!config.scope().allows(url, seeds)) {
      return false;
    }
    if (traps.check(url, from) != null) {
      return false;
    }
    added.add(url);
    step.queue(new Frontier.Entry(url, depth, hops, kind, 0));
    return true;
  }

  /** Links of an HTML page at {@code depth}; whether the page said noindex. */
  boolean links(Frontier frontier, Frontier.Step step, Frontier.Entry entry, Exchange ex) {
    PageLinks page = PageLinks.of(ex.body(), ex.charset(), ex.url());
    if (entry.depth() < config.maxDepth()) {
      List<String> added = new ArrayList<>();
      URI base = URI.create(ex.url());
      for (String link : page.links().subList(0, Math.min(MAX_LINKS, page.links().size()))) {
        offer(
            frontier,
            step,
            added,
            CanonicalUrl.of(link, base),
            entry.url(),
            entry.depth() + 1,
            0,
            Frontier.Kind.PAGE);
      }
    }
    return page.noindex();
  }

  /** The target of a redirect, at the same depth, one hop further; false when over the limit. */
  void redirect(Frontier frontier, Frontier.Step step, Frontier.Entry entry, Exchange ex) {
    if (entry.hops() >= config.maxRedirects()) {
      return;
    }
    String target = CanonicalUrl.of(ex.header("Location").orElse(null), URI.create(ex.url()));
    offer(
        frontier,
        step,
        new ArrayList<>(),
        target,
        entry.url(),
        entry.depth(),
        entry.hops() + 1,
        entry.kind());
  }

  /** Entries of a sitemap (pages one level below it) or sitemap index (more sitemaps). */
  void sitemap(Frontier frontier, Frontier.Step step, Frontier.Entry entry, Exchange ex) {
    AbstractSiteMap map;
    try {
      map = new SiteMapParser().parseSiteMap(ex.mediaType(), ex.body(), new URL(ex.url()));
    } catch (Exception e) {
      return; // not a sitemap after all: nothing to queue
    }
    List<String> added = new ArrayList<>();
    if (map instanceof SiteMapIndex index) {
      for (AbstractSiteMap child : index.getSitemaps()) {
        offer(
            frontier,
            step,
            added,
            CanonicalUrl.of(child.getUrl().toString(), null),
            null,
            entry.depth(),
            0,
            Frontier.Kind.SITEMAP);
      }
    } else if (map instanceof SiteMap urls) {
      for (SiteMapURL url : urls.getSiteMapUrls()) {
        offer(
            frontier,
            step,
            added,
            CanonicalUrl.of(url.getUrl().toString(), null),
            null,
            entry.depth() + 1,
            0,
            Frontier.Kind.PAGE);
      }
    }
  }
}
