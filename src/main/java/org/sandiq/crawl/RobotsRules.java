package org.sandiq.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.util.List;
import java.util.Locale;

/**
 * robots.txt, parsed by crawler-commons for the crawler's own product token (the user agent up to
 * its first {@code /} or space, so {@code SandiqBot/0.1 (...)} matches a {@code User-agent:
 * SandiqBot} group). A missing robots.txt (4xx) allows everything; an unreachable one (network
 * error, 5xx) disallows the host for this crawl, as the robots exclusion standard (RFC 9309) asks.
 */
final class RobotsRules {
  private final BaseRobotRules rules;

  private RobotsRules(BaseRobotRules rules) {
    this.rules = rules;
  }

  static RobotsRules parse(String robotsUrl, Frontier.Robots fetched, String userAgent) {
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    BaseRobotRules rules;
    if (fetched.status() >= 200 && fetched.status() < 300) {
      rules =
          parser.parseContent(robotsUrl, fetched.body(), "text/plain", List.of(token(userAgent)));
    } else if (fetched.status() >= 400 && fetched.status() < 500) {
      rules = parser.failedFetch(fetched.status());
    } else {
      rules = parser.failedFetch(503);
    }
    return new RobotsRules(rules);
  }

  /** The product token robots.txt groups are matched against, lower-case. */
  static String token(String userAgent) {
    String token = userAgent.strip().split("[/\\s]", 2)[0];
    return token.toLowerCase(Locale.ROOT);
  }

  boolean allows(String url) {
    return !rules.isDeferVisits() && rules.isAllowed(url);
  }

  /** Crawl-delay in milliseconds, or 0 when robots.txt sets none. */
  long crawlDelayMillis() {
    long delay = rules.getCrawlDelay();
    return delay > 0 ? delay : 0;
  }

  List<String> sitemaps() {
    return rules.getSitemaps();
  }
}
