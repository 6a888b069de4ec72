package org.sandiq.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** URL normalisation, scope, trap guards and the address policy, on their own. */
class UrlRulesTest {
  @Test
  void normalisationGivesOnePageOneName() {
    String canonical = "http://example.org/a/b?x=1&y=2";
    for (String spelling :
        List.of(
            "HTTP://Example.ORG:80/a/b?y=2&x=1",
            "http://example.org/a/./c/../b?x=1&y=2#top",
            "http://user:secret@example.org/a/b?x=1&y=2",
            "http://example.org/a/b?x=1&y=2&PHPSESSID=abc123",
            "http://example.org./a/b?jsessionid=1&x=1&y=2")) {
      assertEquals(canonical, CanonicalUrl.of(spelling, null), spelling);
    }
    assertEquals("https://example.org/", CanonicalUrl.of("https://example.org:443", null));
    assertEquals("http://example.org:8080/", CanonicalUrl.of("http://example.org:8080", null));
    assertEquals(
        "http://example.org/p", CanonicalUrl.of("http://example.org/p;jsessionid=9", null));
    assertEquals("http://example.org/p", CanonicalUrl.of("http://example.org/p?", null));
    assertEquals(
        "http://example.org/a%20b", CanonicalUrl.of("a b", URI.create("http://example.org/x")));
  }

  @Test
  void onlyHttpAndHttpsAreFetchable() {
    for (String url :
        List.of(
            "ftp://example.org/",
            "file:///etc/passwd",
            "mailto:a@example.org",
            "javascript:alert(1)",
            "gopher://127.0.0.1:6379/_",
            "data:text/html,hi",
            "http:///nohost",
            "")) {
      assertNull(CanonicalUrl.of(url, null), url);
    }
  }

  @Test
  void scopeFollowsHostDomainOrPrefix() {
    List<String> seeds = List.of("http://news.example.co.uk/world/index.html");
    assertTrue(CrawlScope.HOST.allows("http://news.example.co.uk/other", seeds));
    assertFalse(CrawlScope.HOST.allows("http://sport.example.co.uk/", seeds));
    assertTrue(CrawlScope.DOMAIN.allows("http://sport.example.co.uk/", seeds));
    assertFalse(CrawlScope.DOMAIN.allows("http://other.co.uk/", seeds));
    assertTrue(CrawlScope.PREFIX.allows("http://news.example.co.uk/world/asia", seeds));
    assertFalse(CrawlScope.PREFIX.allows("http://news.example.co.uk/sport/", seeds));
  }

  @Test
  void trapGuardsStopEndlessUrls() {
    TrapGuard guard = new TrapGuard(5);
    assertNull(guard.check("http://example.org/a/b/c", null));
    assertEquals(TrapGuard.Kind.PATH, guard.check("http://example.org/a/b/a/b/a/b", null).kind());
    assertNotNull(guard.check("http://example.org/" + "x/".repeat(25), null));
    assertEquals(
        TrapGuard.Kind.LONG_QUERY,
        guard.check("http://example.org/s?q=" + "a".repeat(300), null).kind());
    int allowed = 0;
    for (int month = 1; month <= 30; month++) {
      if (guard.check("http://example.org/cal/2024/" + month + "/", null) == null) {
        allowed++;
      }
    }
    assertEquals(TrapGuard.MAX_PER_CALENDAR_SHAPE, allowed);
    assertNull(
        guard.check("http://example.org/cal/2024/1/", null), "an admitted URL stays admitted");
    for (int id = 1; id <= 30; id++) {
      assertNull(guard.check("http://example.org/article/" + id, null), "not calendar-like");
    }
    TrapCounts counts = guard.counts();
    assertEquals(3 + 30 - TrapGuard.MAX_PER_CALENDAR_SHAPE, counts.total());
    assertEquals(2, counts.byKind().get("looping or deep paths"));
    assertEquals(10, counts.byKind().get("calendar dates"));
  }

  @Test
  void queryVariantsAPageMakesOfItselfAreBoundedPerPathPattern() {
    TrapGuard guard = new TrapGuard(5);
    // A calendar whose every month links to the next with a new token: a variant of its own path.
    String from = "http://example.org/agenda?m=1&k=x0";
    int followed = 0;
    for (int i = 1; i <= 12; i++) {
      String next = "http://example.org/agenda?m=" + (i + 1) + "&k=x" + i;
      if (guard.check(next, from) == null) {
        followed++;
        from = next;
      }
    }
    assertEquals(5, followed, "per path");
    // The path changes too (digits collapsed: /diary/p#): the same bound, per pattern.
    followed = 0;
    for (int i = 1; i <= 12; i++) {
      String from2 = "http://example.org/diary/p" + i + "?v=a" + i;
      if (guard.check("http://example.org/diary/p" + (i + 1) + "?v=b" + i, from2) == null) {
        followed++;
      }
    }
    assertEquals(5, followed, "per path pattern");
    // Links from a page without a query, or from elsewhere, are not the site's own variants.
    for (int id = 1; id <= 40; id++) {
      assertNull(guard.check("http://example.org/news?id=" + id, "http://example.org/"));
      assertNull(
          guard.check("http://example.org/agenda?m=" + id, "http://example.org/events?page=2"));
      assertNull(guard.check("http://example.org/diary/p" + id + "?v=c", null), "seed, sitemap");
    }
    assertEquals(14, guard.counts().total(), guard.counts().summary());
    assertNotNull(guard.check("http://example.org/agenda?m=13&k=x12", from), "counted once");
    assertNull(
        guard.check("http://example.org/agenda?m=13&k=x12", "http://example.org/"),
        "a link from another page lets a skipped URL in after all");
    TrapCounts counts = guard.counts();
    assertEquals(13, counts.total(), counts.summary());
    assertEquals(13, counts.byKind().get("query variants"));
    assertEquals("example.org/diary/p#", counts.topPattern());
    assertEquals(7, counts.topCount());
    assertTrue(counts.summary().startsWith("traps: "), counts.summary());
  }

  @Test
  void internalAddressesAreRefusedUnlessAllowed() throws Exception {
    for (String ip :
        List.of(
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fe80::1",
            "fd00::1")) {
      assertTrue(AddressPolicy.isInternal(InetAddress.getByName(ip)), ip);
    }
    for (String ip : List.of("8.8.8.8", "93.184.216.34", "2606:4700::1")) {
      assertFalse(AddressPolicy.isInternal(InetAddress.getByName(ip)), ip);
    }
    AddressPolicy strict = new AddressPolicy(false);
    assertThrows(AddressPolicy.ForbiddenAddressException.class, () -> strict.resolve("127.0.0.1"));
    assertThrows(
        AddressPolicy.ForbiddenAddressException.class, () -> strict.resolve("169.254.169.254"));
    assertEquals("8.8.8.8", strict.resolve("8.8.8.8").getHostAddress());
    assertEquals("127.0.0.1", new AddressPolicy(true).resolve("127.0.0.1").getHostAddress());
  }

  @Test
  void aSeedOnAnInternalAddressAllowsInternalAddresses() throws Exception {
    AddressPolicy policy = AddressPolicy.forSeeds(List.of("http://127.0.0.1:8080/"), false);
    assertEquals("10.0.0.1", policy.resolve("10.0.0.1").getHostAddress());
    AddressPolicy publicSeed = AddressPolicy.forSeeds(List.of("http://8.8.8.8/"), false);
    assertThrows(
        AddressPolicy.ForbiddenAddressException.class, () -> publicSeed.resolve("10.0.0.1"));
  }

  @Test
  void robotsGroupOfTheCrawlersOwnName() {
    assertEquals("sandiqbot", RobotsRules.token(CrawlConfig.DEFAULT_USER_AGENT));
    RobotsRules rules =
        RobotsRules.parse(
            "http://example.org/robots.txt",
            new Frontier.Robots(
                200,
                "User-agent: *\nDisallow: /\n\nUser-agent: SandiqBot\nDisallow: /x/\nCrawl-delay: 3\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            CrawlConfig.DEFAULT_USER_AGENT);
    assertTrue(rules.allows("http://example.org/a"));
    assertFalse(rules.allows("http://example.org/x/y"));
    assertEquals(3000, rules.crawlDelayMillis());
    RobotsRules missing =
        RobotsRules.parse("http://e.org/robots.txt", new Frontier.Robots(404, new byte[0]), "A");
    assertTrue(missing.allows("http://e.org/anything"));
    RobotsRules unreachable =
        RobotsRules.parse("http://e.org/robots.txt", new Frontier.Robots(0, new byte[0]), "A");
    assertFalse(unreachable.allows("http://e.org/anything"));
  }
}
