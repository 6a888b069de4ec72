package org.sandiq.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.search.SearchRequest;
import org.sandiq.search.SearchResponse;
import org.sandiq.testing.Fixtures;

/**
 * One crawl of the fixture site, then what the site saw, what the WARC files hold, and what search
 * finds once they are indexed.
 */
class CrawlerTest {
  @TempDir static Path dir;
  static FixtureSite site;
  static CrawlReport report;
  static ArchivedRecords archived;
  static Path out;

  /** Short delays so the suite stays fast; the politeness logic is the same. */
  static CrawlConfig testConfig(List<String> seeds, Path out) {
    return CrawlConfig.defaults(seeds, out)
        .withBounds(200, 30, CrawlScope.HOST)
        .withTiming(Duration.ofMillis(5), Duration.ofMillis(1000), Duration.ofMillis(10))
        .withLimits(1000, 1 << 20, 50);
  }

  @BeforeAll
  static void crawl() throws Exception {
    site = FixtureSite.start();
    out = dir.resolve("corpus/crawl");
    report = new Crawler(testConfig(List.of(site.base + "/"), out)).run(CrawlListener.NONE);
    archived = ArchivedRecords.read(out);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void robotsDisallowedAndNofollowedPathsAreNeverRequested() {
    for (FixtureSite.Hit hit : site.log) {
      assertFalse(hit.target().startsWith("/private/"), "requested " + hit.target());
      assertFalse(hit.target().equals("/nofollowed"), "followed a nofollow link");
      assertFalse(hit.target().equals("/behind-noindex"), "followed a meta-nofollow page's link");
    }
    assertEquals(1, site.count("/robots.txt"));
    assertTrue(report.robotsBlocked() >= 1, report.summary());
  }

  @Test
  void noCredentialsOrCookiesAreEverSent() {
    assertEquals(1, site.count("/creds"), "the link with user-info is fetched without it");
    for (FixtureSite.Hit hit : site.log) {
      assertFalse(hit.credentials(), "Authorization or Cookie sent to " + hit.target());
    }
  }

  @Test
  void ownRobotsGroupAppliesNotTheWildcardOne() {
    // The * group disallows everything; SandiqBot's group allows all but /private/.
    assertEquals(1, site.count("/a"));
    assertEquals(1, site.count("/"));
  }

  @Test
  void duplicateUrlsAreFetchedOnce() {
    long b = site.log.stream().filter(h -> h.target().startsWith("/b?")).count();
    assertEquals(1, b, "query order, fragment, scheme case and dot segments are one URL");
    Map<String, Long> counts = site.counts();
    for (var e : counts.entrySet()) {
      String t = e.getKey();
      if (!t.equals("/busy") && !t.equals("/slow") && !t.equals("/broken")) {
        assertEquals(1, e.getValue(), t + " requested more than once");
      }
    }
  }

  @Test
  void sitemapPagesAreCrawled() {
    assertEquals(1, site.count("/sitemap.xml"));
    assertEquals(1, site.count("/from-sitemap"));
  }

  @Test
  void redirectsAreFollowedAndRecorded() {
    assertEquals(1, site.count("/target"));
    assertEquals(302, archived.capture(site.base + "/redirect").status());
    assertEquals(200, archived.capture(site.base + "/target").status());
    assertTrue(report.redirects() >= 1);
  }

  @Test
  void retryAfterIsHonoured() {
    List<FixtureSite.Hit> busy = site.log.stream().filter(h -> h.target().equals("/busy")).toList();
    assertEquals(2, busy.size());
    assertTrue(busy.get(1).millis() - busy.get(0).millis() >= 950, "waited per Retry-After: 1");
    assertEquals(200, archived.capture(site.base + "/busy").status());
  }

  @Test
  void serverErrorsAndTimeoutsAreRetriedThenCounted() {
    assertEquals(3, site.count("/broken"), "one try and two retries");
    assertEquals(3, site.count("/slow"), "one try and two retries");
    assertEquals(500, archived.capture(site.base + "/broken").status());
    assertEquals(404, archived.capture(site.base + "/missing").status());
    assertFalse(archived.urls().contains(site.base + "/slow"), "a timeout archives nothing");
    assertTrue(report.errors() >= 3, report.summary()); // missing, broken, slow
    assertTrue(report.retries() >= 5, report.summary());
  }

  @Test
  void calendarTrapIsCut() {
    long calendar = site.log.stream().filter(h -> h.target().startsWith("/calendar")).count();
    assertTrue(calendar > 1 && calendar <= 20, "calendar pages fetched: " + calendar);
    assertTrue(report.traps().total() > 0, report.trapSummary());
  }

  @Test
  void largeBinaryIsTruncatedAndMarked() {
    ArchivedRecords.Capture big = archived.capture(site.base + "/big.bin");
    assertTrue(big.truncated());
    assertEquals(1 << 20, big.payloadBytes());
    assertEquals(1, report.truncated());
  }

  @Test
  void noindexPageIsNotArchived() {
    assertEquals(1, site.count("/noindex"));
    assertFalse(archived.urls().contains(site.base + "/noindex"));
    assertEquals(1, report.noindex());
  }

  @Test
  void everyArchivedUrlIsArchivedOnceWithItsAddress() {
    assertEquals(
        archived.urls().size(), new HashSet<>(archived.urls()).size(), archived.urls().toString());
    assertEquals(report.fetched(), archived.captures.size());
    for (ArchivedRecords.Capture c : archived.captures) {
      assertEquals("127.0.0.1", c.ip(), c.url());
      assertEquals("response", c.type());
    }
  }

  @Test
  void crawledPagesAreFoundBySearchWithUrlDateAndSite() throws Exception {
    Path index = dir.resolve("index");
    assertTrue(Fixtures.reindex(dir.resolve("corpus"), index, false).succeeded());
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(index, new FieldAnalyzers(analyzers))) {
      SearchResponse found = search.search(new SearchRequest("Xankəndi", null, 1, 10));
      assertEquals(1, found.total());
      SearchResponse.Hit hit = found.hits().get(0);
      assertEquals(site.base + "/a", hit.url());
      assertEquals("127.0.0.1", hit.site());
      assertNotNull(hit.date());
      assertEquals(1, search.search(new SearchRequest("narwhal", null, 1, 10)).total());
      assertEquals(1, search.search(new SearchRequest("quokka", null, 1, 10)).total());
      assertEquals(0, search.search(new SearchRequest("pangolin", null, 1, 10)).total());
    }
  }
}
