package org.sandiq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.search.SearchRequest;
import org.sandiq.search.SearchResponse;
import org.sandiq.testing.Fixtures;

/**
 * Pages whose content is tables keep their cells, row by row; articles laid out with tables, or
 * holding a small table, are extracted as before; and a place name in a short cell is found.
 */
class DataTablesTest {
  private static final int LOG_ROWS_PER_MONTH = 250;
  private static final int JOB_ROWS = 300;

  private final DocumentCleaner cleaner = new DocumentCleaner();

  private String text(String html) throws IngestException {
    return cleaner
        .clean(
            new RawDocument(
                "t.html",
                null,
                null,
                SourceFormat.HTML,
                html.getBytes(StandardCharsets.UTF_8),
                null))
        .text();
  }

  private static long lines(String text, String separatedBy) {
    return Arrays.stream(text.split("\n")).filter(l -> l.contains(separatedBy)).count();
  }

  @Test
  void longStationLogInTablesKeepsEveryRowWithItsShortCells() throws Exception {
    String text = text(TablePages.stationLog(LOG_ROWS_PER_MONTH));
    // The row of the rare station, its cells apart and in their order.
    assertTrue(
        text.contains(" | " + TablePages.LOG_STATION + " | " + TablePages.LOG_PLACE + " | AZE"),
        "the row of " + TablePages.LOG_PLACE);
    // Every row of the twelve months, the header row once (repeated word for word above each).
    long rows = lines(text, " | ");
    assertTrue(
        rows >= 12 * LOG_ROWS_PER_MONTH - 5 && rows <= 12 * LOG_ROWS_PER_MONTH + 1, rows + "");
    assertTrue(text.contains("Date | UTC | kHz | Station | Place | Country | Remarks"));
    assertTrue(text.startsWith("Mediumwave log 2023\n\nAll stations heard"), "the introduction");
    assertTrue(text.contains("\n\nDecember 2023\n\n"), "the heading of each month's table");
    // A name that repeats in hundreds of rows stays in every one of them.
    assertTrue(text.split("\\| Orfordness \\|", -1).length > 50, "a repeated place is kept");
    for (String template : new String[] {"QSL cards", "Log 2015", "Latest QSL", "Imprint"}) {
      assertFalse(text.contains(template), template);
    }
  }

  @Test
  void chineseJobListingInALayoutTableKeepsEveryOpening() throws Exception {
    String text = text(TablePages.jobListing(JOB_ROWS));
    assertTrue(
        text.contains(" | " + TablePages.JOB_COMPANY + " | " + TablePages.JOB_CITY + " | "),
        "the opening in " + TablePages.JOB_CITY);
    assertEquals(JOB_ROWS + 1, lines(text, " | "), "every opening and the header row");
    assertTrue(text.contains("职位名称 | 公司名称 | 工作地点 | 薪资 | 发布日期"), "cells apart");
    for (String template : new String[] {"简历中心", "热门城市", "友情链接", "京ICP备"}) {
      assertFalse(text.contains(template), template);
    }
  }

  @Test
  void articleLaidOutWithTablesKeepsItsProseAndItsSmallTableOnly() throws Exception {
    String text = text(TablePages.articleInLayoutTable());
    String para =
        "The harvest in the region was the largest in a decade, the ministry said on Monday, as a"
            + " mild spring and a wet summer helped farmers across the lowlands. ";
    assertEquals(
        para
            + "Wheat led the increase.\n\n"
            + para
            + "Barley followed closely.\n\n"
            + "Crop | 2022 | 2023\nWheat | 2.1 Mt | 2.6 Mt\nBarley | 0.9 Mt | 1.1 Mt\n\n"
            + para
            + "Prices are expected to fall.\n\n"
            + "Reporting by the Courier's farm desk.",
        text);
  }

  @Test
  void layoutTablesAndCalendarGridsAreNotData() {
    Element article = Jsoup.parse(TablePages.articleInLayoutTable()).body();
    Map<Element, Integer> tables = DataTables.all(article);
    assertEquals(1, tables.size(), "only the figures, not the layout around them");
    assertEquals("figures", tables.keySet().iterator().next().className());
    assertTrue(DataTables.content(article, tables).isEmpty(), "a figure, not the page's content");

    StringBuilder calendar =
        new StringBuilder("<table><tr><th>Mo<th>Tu<th>We<th>Th<th>Fr<th>Sa<th>Su");
    for (int week = 0; week < 5; week++) {
      calendar.append("<tr>");
      for (int day = 1; day <= 7; day++) {
        calendar.append("<td>").append(week * 7 + day);
      }
    }
    Element page = Jsoup.parse("<p>Events</p>" + calendar + "</table>").body();
    assertTrue(DataTables.all(page).isEmpty(), "a grid of day numbers");

    Element links =
        Jsoup.parse(
                "<table>"
                    + "<tr><td><a href=/a>Alpha</a><td><a href=/b>Beta</a>".repeat(5)
                    + "</table>")
            .body();
    assertTrue(DataTables.all(links).isEmpty(), "a table of links is a menu");
  }

  @Test
  void cellsWrittenWithoutSpacesStayApart() throws Exception {
    String rows =
        "<tr><td>2023-05-0%d</td><td>Bakı</td><td>Gəncə<br>Şəki</td><td></td>"
            + "<td><div>Quba</div><div>Xaçmaz</div></td></tr>";
    String text = text("<table>" + String.format(rows.repeat(4), 1, 2, 3, 4) + "</table>");
    assertEquals(
        "2023-05-01 | Bakı | Gəncə Şəki | Quba Xaçmaz\n2023-05-02 | Bakı | Gəncə Şəki | Quba Xaçmaz\n"
            + "2023-05-03 | Bakı | Gəncə Şəki | Quba Xaçmaz\n2023-05-04 | Bakı | Gəncə Şəki | Quba Xaçmaz",
        text);
  }

  @Test
  void aPlaceInAShortCellIsFoundAfterReindex(@TempDir Path dir) throws Exception {
    Path corpus = dir.resolve("corpus");
    // Smaller than above: the extraction is the same, and indexing 200 KB takes a while.
    Fixtures.write(corpus, "dx/log2023.html", TablePages.stationLog(40));
    Fixtures.write(corpus, "jobs/list.html", TablePages.jobListing(60));
    Fixtures.write(corpus, "news/harvest.html", TablePages.articleInLayoutTable());
    assertTrue(Fixtures.reindex(corpus, dir.resolve("index"), false).succeeded());
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(dir.resolve("index"), new FieldAnalyzers(analyzers))) {
      assertFound(search, TablePages.LOG_PLACE, "dx/log2023.html");
      assertFound(search, "\"" + TablePages.LOG_STATION + "\"", "dx/log2023.html");
      assertFound(search, TablePages.JOB_CITY, "jobs/list.html");
      assertFound(search, "Barley", "news/harvest.html");
      // The template's words are no part of the page's text, but a reader saw them: the page is
      // found through its other text, and its text does not show them.
      SearchResponse imprint = search.search(new SearchRequest("Imprint", null, 1, 10));
      assertEquals(1, imprint.total());
      String text = search.document(imprint.hits().get(0).id()).orElseThrow().text();
      assertFalse(text.contains("Imprint"), text);
    }
  }

  private static void assertFound(LuceneSearchService search, String query, String file) {
    SearchResponse found = search.search(new SearchRequest(query, null, 1, 10));
    assertEquals(1, found.total(), query);
    assertTrue(found.hits().get(0).url().endsWith(file), found.hits().get(0).url());
  }
}
