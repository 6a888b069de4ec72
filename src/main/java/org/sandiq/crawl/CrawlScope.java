package org.sandiq.crawl;

import crawlercommons.domains.EffectiveTldFinder;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which discovered URLs the crawl may follow, relative to its seeds. Redirect targets and sitemap
 * entries are held to the same rule as links.
 */
public enum CrawlScope {
  /** The seed's host exactly (www.example.org does not include example.org). */
  HOST,
  /** The seed's registered domain and all its sub-domains (news.example.org for example.org). */
  DOMAIN,
  /** URLs that start with a seed URL up to its last {@code /} (a folder of a site). */
  PREFIX;

  /** Whether {@code url} (canonical) is in scope for one of the canonical {@code seeds}. */
  boolean allows(String url, List<String> seeds) {
    URI target = URI.create(url);
    for (String seed : seeds) {
      URI s = URI.create(seed);
      boolean in =
          switch (this) {
            case HOST -> s.getHost().equals(target.getHost());
            case DOMAIN -> domainOf(s.getHost()).equals(domainOf(target.getHost()));
            case PREFIX -> url.startsWith(seed.substring(0, seed.lastIndexOf('/') + 1));
          };
      if (in) {
        return true;
      }
    }
    return false;
  }

  /** The registered domain (example.co.uk for news.example.co.uk); the host itself for an IP. */
  static String domainOf(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") || h.matches("[0-9.]+")) {
      return h;
    }
    String domain = EffectiveTldFinder.getAssignedDomain(h, true, false);
    return domain == null ? h : domain;
  }
}
