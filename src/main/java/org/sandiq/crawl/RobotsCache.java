package org.sandiq.crawl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * robots.txt per host: parsed once, kept in the journal so a resumed crawl does not ask again.
 * Fetching follows up to {@value #MAX_REDIRECTS} redirects (an http site moved to https answers its
 * robots.txt with one), each target held to the address policy.
 */
final class RobotsCache {
  static final int MAX_REDIRECTS = 5;

  private final Fetcher fetcher;
  private final AddressPolicy addresses;
  private final String userAgent;
  private final Map<String, RobotsRules> rules = new HashMap<>();

  RobotsCache(Fetcher fetcher, AddressPolicy addresses, String userAgent) {
    this.fetcher = fetcher;
    this.addresses = addresses;
    this.userAgent = userAgent;
  }

  /** The rules of {@code host}, from memory or the journal; null when never fetched. */
  RobotsRules known(String host, Frontier frontier) {
    RobotsRules cached = rules.get(host);
    if (cached == null && frontier.robots(host) != null) {
      cached = RobotsRules.parse(host + "/robots.txt", frontier.robots(host), userAgent);
      rules.put(host, cached);
    }
    return cached;
  }

  /** Remembers what was fetched for {@code host} and returns its rules. */
  RobotsRules remember(String host, Frontier.Robots fetched) {
    RobotsRules parsed = RobotsRules.parse(host + "/robots.txt", fetched, userAgent);
    rules.put(host, parsed);
    return parsed;
  }

  /**
   * GETs robots.txt of {@code host}, following redirects.
   *
   * @throws IOException on a network error or timeout
   * @throws AddressPolicy.ForbiddenAddressException when it or a redirect is on a refused address
   */
  Frontier.Robots fetch(String host)
      throws IOException, InterruptedException, AddressPolicy.ForbiddenAddressException {
    String url = host + "/robots.txt";
    for (int hop = 0; ; hop++) {
      InetAddress address = addresses.resolve(URI.create(url).getHost());
      Exchange ex = fetcher.get(url, address, List.of());
      String next =
          ex.isRedirect()
              ? CanonicalUrl.of(ex.header("Location").orElse(null), URI.create(url))
              : null;
      if (next == null || hop == MAX_REDIRECTS) {
        // Too many redirects count as "unavailable" (RFC 9309 2.3.1.2): allow all.
        return ex.isRedirect()
            ? new Frontier.Robots(404, new byte[0])
            : new Frontier.Robots(ex.status(), ex.body());
      }
      url = next;
    }
  }
}
