package org.sandiq.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl of {@link TrapSite} with the budget of 80 pages: an endless calendar and diary
 * that make new query strings of themselves must not crowd out the real pages.
 */
class TrapCrawlTest {
  private static final int PAGES = 80;
  private static final int REAL_PAGES =
      1 + TrapSite.NEWS + TrapSite.LISTING_PAGES + TrapSite.ARTICLES;

  @TempDir Path dir;

  private static CrawlReport crawl(TrapSite site, Path out, int maxQueryVariants) throws Exception {
    CrawlConfig config =
        CrawlerTest.testConfig(List.of(site.base + "/"), out)
            .withBounds(PAGES, 30, CrawlScope.HOST)
            .withMaxQueryVariants(maxQueryVariants);
    return new Crawler(config).run(CrawlListener.NONE);
  }

  private static long realPages(TrapSite site) {
    return site.count("/news")
        + site.count("/articles/")
        + site.log.stream().filter(t -> t.equals("/")).count();
  }

  @Test
  void calendarAndDiaryAreBoundedAndEveryRealPageIsCrawled() throws Exception {
    try (TrapSite site = new TrapSite()) {
      CrawlReport report =
          crawl(site, dir.resolve("crawl"), CrawlConfig.DEFAULT_MAX_QUERY_VARIANTS);
      assertEquals(REAL_PAGES, realPages(site), site.log.toString());
      for (int a = 1; a <= TrapSite.ARTICLES; a++) {
        assertEquals(1, site.count("/articles/a" + a), "article " + a);
      }
      assertEquals(TrapSite.NEWS, site.count("/news?id="), "news linked from one page: no trap");
      // The first month is linked from the front page; then the calendar's own links, bounded.
      long agenda = site.count("/agenda");
      long diary = site.count("/diary/");
      assertEquals(1 + CrawlConfig.DEFAULT_MAX_QUERY_VARIANTS, agenda, "per path");
      assertEquals(1 + CrawlConfig.DEFAULT_MAX_QUERY_VARIANTS, diary, "per path pattern");
      TrapCounts traps = report.traps();
      assertTrue(traps.byKind().get("query variants") > 100, traps.summary());
      assertEquals(traps.total(), traps.byKind().get("query variants"), traps.summary());
      assertEquals(site.base.substring("http://".length()) + "/agenda", traps.topPattern());
      assertTrue(report.summary().contains("traps " + traps.total() + ","), report.summary());
    }
  }

  @Test
  void withoutTheBoundTheTrapsEatTheBudget() throws Exception {
    // What the crawler did before the bound: the fixture is a real trap, or the test above proves
    // nothing.
    try (TrapSite site = new TrapSite()) {
      CrawlReport report = crawl(site, dir.resolve("crawl"), Integer.MAX_VALUE);
      long traps = site.count("/agenda") + site.count("/diary/");
      assertTrue(traps > PAGES / 2, traps + " of " + report.fetched());
      assertTrue(realPages(site) < REAL_PAGES, "real pages crawled: " + realPages(site));
    }
  }
}
