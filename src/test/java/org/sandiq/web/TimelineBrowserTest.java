package org.sandiq.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.ingest.Corpus;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.testing.CaptureArchive;
import org.sandiq.testing.Chromium;
import org.sandiq.testing.Fixtures;

/**
 * The time histogram, collections, captures and export links of the search page in a real headless
 * Chromium over a WARC with several captures per URL: the chart is drawn and photographed
 * (target/screenshots/timeline.png), reached with Tab, read as labelled buttons, and filters by
 * keyboard, by click and in the relative view.
 */
class TimelineBrowserTest {
  @TempDir static Path dir;
  static LanguageAnalyzers analyzers;
  static LuceneSearchService search;
  static Javalin app;
  static String base;
  static ChromeDriver browser;
  static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    Chromium.assumeInstalled();
    Path corpus = dir.resolve("corpus");
    CaptureArchive.write(corpus, "webarchive/captures.warc.gz");
    Fixtures.write(
        corpus,
        "notes/lighthouse.txt",
        "Notes on a lighthouse\n\nWe walked to the lighthouse at dawn and counted its steps.");
    assertTrue(Fixtures.reindex(corpus, dir.resolve("index"), false).succeeded());
    analyzers = new LanguageAnalyzers();
    search = new LuceneSearchService(dir.resolve("index"), new FieldAnalyzers(analyzers));
    app = WebApp.create(search, new Corpus(corpus)::readRaw).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(Chromium.BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1200,900",
        "--lang=en-US",
        "--user-data-dir=" + dir.resolve("chrome-profile"));
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.DRIVER.toFile())
                .build(),
            options);
    // The first search of a JVM loads the language detector: done here, not inside a wait.
    search.facets(
        new org.sandiq.search.SearchRequest(
            "lighthouse",
            null,
            null,
            null,
            null,
            null,
            1,
            10,
            null,
            true,
            null,
            org.sandiq.search.Histogram.Interval.YEAR));
    search.search(org.sandiq.search.SearchRequest.of("lighthouse"));
    // Generous: the machine may be shared with a benchmark.
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.stop();
      search.close();
      analyzers.close();
    }
  }

  static List<WebElement> bars() {
    return browser.findElements(By.cssSelector("#chart .bar"));
  }

  static List<String> periods() {
    return bars().stream().map(b -> b.getAttribute("data-period")).toList();
  }

  static void waitForChart() {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chart .bar")));
  }

  static WebElement active() {
    return browser.switchTo().activeElement();
  }

  static void screenshot(String name) throws Exception {
    Path out = Path.of("target/screenshots");
    Files.createDirectories(out);
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        out.resolve(name),
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void theHistogramIsReachedAndFilteredByKeyboard() throws Exception {
    browser.get(base + "/?q=lighthouse&ui=en");
    waitForChart();
    screenshot("timeline.png");
    assertEquals(List.of("2018", "2019", "2020", "2021"), periods());
    WebElement chart = browser.findElement(By.cssSelector("#chart svg"));
    assertEquals("group", chart.getAttribute("role"));
    assertEquals("Matching documents per year", chart.getAttribute("aria-label"));
    WebElement y2020 = bars().get(2);
    assertEquals("button", y2020.getAttribute("role"));
    assertTrue(
        y2020
            .getAttribute("aria-label")
            .startsWith("2020: 2 documents, 100.0% of 2 in the archive"),
        y2020.getAttribute("aria-label"));
    assertEquals(
        1,
        browser.findElements(By.cssSelector("#chart .bar[tabindex='0']")).size(),
        "the chart is one tab stop");

    // Tab from the search box reaches the chart.
    browser.findElement(By.id("q")).click();
    boolean reached = false;
    for (int i = 0; i < 40 && !reached; i++) {
      new Actions(browser).sendKeys(Keys.TAB).perform();
      reached = "bar".equals(active().getAttribute("class"));
    }
    assertTrue(reached, "Tab reaches the histogram");
    assertEquals("2021", active().getAttribute("data-period"), "the latest period with matches");

    // Left moves; Shift+Left selects a range; Enter filters to it.
    new Actions(browser).sendKeys(Keys.ARROW_LEFT).perform();
    assertEquals("2020", active().getAttribute("data-period"));
    new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.ARROW_LEFT).keyUp(Keys.SHIFT).perform();
    assertEquals("2019", active().getAttribute("data-period"));
    assertEquals(
        2, browser.findElements(By.cssSelector("#chart .bar[aria-pressed='true']")).size());
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    wait.until(ExpectedConditions.urlContains("from=2019-01-01"));
    assertTrue(browser.getCurrentUrl().contains("to=2020-12-31"), browser.getCurrentUrl());
    waitForChart();
    // news/a (2019, 2020) is one hit, with its other captures; news/b (2020) the other.
    wait.until(d -> browser.findElements(By.cssSelector("#results .hit")).size() == 2);
    // Two years are shown by month, from the first month the archive holds to the last.
    wait.until(d -> periods().get(0).equals("2019-03"));
    assertEquals("2020-07", periods().get(periods().size() - 1));
    assertFalse(browser.findElement(By.id("timeline-zoom")).getAttribute("hidden") != null);
  }

  @Test
  void aClickFiltersToAPeriodAndTheRelativeViewShowsShares() throws Exception {
    browser.get(base + "/?q=lighthouse&from=2020-01-01&to=2020-12-31&ui=en");
    waitForChart();
    assertEquals(List.of("2020-06", "2020-07"), periods());
    browser.findElement(By.id("relative")).click();
    wait.until(ExpectedConditions.urlContains("relative=1"));
    assertTrue(bars().get(0).getAttribute("aria-label").contains("100.0% of 1 in the archive"));
    screenshot("timeline-relative.png");
    new Actions(browser).click(bars().get(0)).perform();
    wait.until(ExpectedConditions.urlContains("from=2020-06-01"));
    assertTrue(browser.getCurrentUrl().contains("to=2020-06-30"), browser.getCurrentUrl());
    waitForChart();
    wait.until(d -> periods().get(0).equals("2020-06-01"));
    assertEquals(1, browser.findElements(By.cssSelector("#results .hit")).size());
  }

  @Test
  void hitsShowTheirCollectionAndCapturesAndTheExportLinksCarryTheQuery() {
    browser.get(base + "/?q=lighthouse&collection=webarchive&ui=en");
    waitForChart();
    // Five captures of three URLs: one hit per URL.
    wait.until(d -> browser.findElements(By.cssSelector("#results .hit")).size() == 3);
    assertTrue(
        browser.findElements(By.cssSelector("#results .collection")).stream()
            .allMatch(e -> e.getText().equals("Collection: webarchive")));
    WebElement captures = browser.findElement(By.cssSelector("#results a.captures"));
    assertEquals("2 other captures", captures.getText());
    String csv =
        browser.findElement(By.cssSelector("#export a[data-format=csv]")).getAttribute("href");
    assertTrue(csv.endsWith("/api/export?q=lighthouse&collection=webarchive&format=csv"), csv);
    String facet =
        browser
            .findElement(By.cssSelector("a[data-facet=collection][data-value=webarchive]"))
            .getAttribute("aria-current");
    assertEquals("true", facet);
    captures.click();
    wait.until(ExpectedConditions.urlContains("q=url%3A"));
    wait.until(d -> browser.findElements(By.cssSelector("#results .hit")).size() == 3);
    Object dates =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return [...document.querySelectorAll('#results .captured time')]"
                    + ".map(t => t.getAttribute('datetime'))");
    assertEquals(
        List.of("2021-01-05T17:45:00Z", "2020-06-01T12:30:00Z", "2019-03-10T08:00:00Z"), dates);
  }
}
