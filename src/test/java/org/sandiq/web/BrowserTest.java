package org.sandiq.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.ingest.Corpus;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.testing.Chromium;
import org.sandiq.testing.Fixtures;

/**
 * The search page in a real headless Chromium (Debian's chromium and chromium-driver), against a
 * real server over a real index: type, pick a suggestion, filter, page, open a document, go back,
 * and prove that markup in documents shows as text and never runs. A failing test leaves a
 * screenshot in target/screenshots/.
 */
class BrowserTest {

  @TempDir static Path dir;
  static LanguageAnalyzers analyzers;
  static LuceneSearchService search;
  static Javalin app;
  static String base;
  static ChromeDriver browser;
  static WebDriverWait wait;

  @RegisterExtension
  final TestWatcher screenshots =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (browser == null) {
            return;
          }
          try {
            Path out = Path.of("target/screenshots");
            Files.createDirectories(out);
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(
                shot.toPath(),
                out.resolve(context.getRequiredTestMethod().getName() + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          } catch (Exception e) {
            System.err.println("no screenshot: " + e);
          }
        }
      };

  @BeforeAll
  static void start() throws Exception {
    Chromium.assumeInstalled();
    Path corpus = dir.resolve("corpus");
    for (String lang : List.of("az", "en", "ru", "tr")) {
      for (String id : List.of("bbc.381680", "dailymail.co.uk.298696")) {
        String file = "ntrex/" + lang + "/" + id + ".txt";
        Fixtures.copyShipped(corpus, file, file);
      }
    }
    for (int i = 0; i < 23; i++) {
      Fixtures.write(
          corpus,
          "many/p" + (i < 10 ? "0" : "") + i + ".txt",
          "Pomegranate festival "
              + i
              + "\n\nThe pomegranate festival in Goychay, report "
              + i
              + ".");
    }
    Fixtures.write(
        corpus,
        "hostile/x.html",
        "<html><head><title>&lt;script&gt;window.__xss=1&lt;/script&gt; Hostile pomegranate"
            + "</title></head><body><p>&lt;img src=x onerror=\"window.__xss=2\"&gt; hostile"
            + " pomegranate body</p></body></html>");
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
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1200,900",
        "--lang=en-US",
        "--user-data-dir=" + dir.resolve("chrome-profile"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(Chromium.DRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
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

  static List<WebElement> hits() {
    return browser.findElements(By.cssSelector("#results .hit"));
  }

  static void waitForResults() {
    wait.until(d -> !d.findElement(By.id("status")).getText().contains("…"));
  }

  @Test
  void typePickASuggestionFilterPageOpenAndGoBack() {
    browser.get(base + "/?ui=en");
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys("brex");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestions li")));
    assertEquals("true", box.getAttribute("aria-expanded"));
    box.sendKeys(Keys.ARROW_DOWN);
    WebElement active = browser.findElement(By.cssSelector("#suggestions li[aria-selected=true]"));
    assertTrue(active.getText().startsWith("Brexit"), active.getText());
    box.sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("q=Brexit"));
    waitForResults();
    assertTrue(hits().size() >= 4, "Brexit in four languages");

    // A facet narrows the results; its link then removes the filter again.
    browser.findElement(By.cssSelector("a[data-facet=lang][data-value=tr]")).click();
    wait.until(ExpectedConditions.urlContains("lang=tr"));
    waitForResults();
    assertFalse(hits().isEmpty());
    for (WebElement hit : hits()) {
      assertEquals("Turkish", hit.findElement(By.cssSelector(".lang")).getText());
    }
    browser.findElement(By.cssSelector("a[data-facet=lang][data-value=tr]")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("lang=tr")));
    waitForResults();
    assertTrue(hits().size() >= 4);

    // Open a document, then go back to the same results.
    String title = hits().get(0).findElement(By.cssSelector("h2 a")).getText();
    hits().get(0).findElement(By.cssSelector("h2 a")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("doc")));
    assertEquals(title, browser.findElement(By.id("title")).getText());
    assertFalse(browser.findElements(By.cssSelector("#text mark")).isEmpty(), "query words marked");
    browser.navigate().back();
    wait.until(ExpectedConditions.urlContains("q=Brexit"));
    waitForResults();
    assertEquals(title, hits().get(0).findElement(By.cssSelector("h2 a")).getText());
  }

  @Test
  void paginateAndKeepTheStateInTheUrl() {
    browser.get(base + "/?q=pomegranate&ui=en");
    waitForResults();
    assertEquals(10, hits().size());
    browser.findElement(By.cssSelector("#pager a[rel=next]")).click();
    wait.until(ExpectedConditions.urlContains("page=2"));
    waitForResults();
    assertEquals(10, hits().size());
    assertEquals(
        "2", browser.findElement(By.cssSelector("#pager span[aria-current=page]")).getText());
    browser.navigate().back();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("page=2")));
    waitForResults();
    assertEquals(
        "1", browser.findElement(By.cssSelector("#pager span[aria-current=page]")).getText());
  }

  @Test
  void escapeClosesSuggestionsAndTheInterfaceSpeaksAzerbaijani() {
    browser.get(base + "/?ui=az");
    assertEquals("Axtar", browser.findElement(By.cssSelector("#search-form button")).getText());
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys("pomeg");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestions li")));
    box.sendKeys(Keys.ESCAPE);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("suggestions")));
    assertEquals("false", box.getAttribute("aria-expanded"));
  }

  @Test
  void markupInDocumentsIsShownAsTextAndNeverRuns() {
    browser.get(base + "/?q=hostile&ui=en");
    waitForResults();
    WebElement hit = hits().get(0);
    assertTrue(hit.getText().contains("<script>window.__xss=1</script>"), hit.getText());
    assertTrue(hit.getText().contains("<img src=x onerror=\"window.__xss=2\">"), hit.getText());
    assertTrue(hit.findElements(By.tagName("script")).isEmpty());
    assertTrue(hit.findElements(By.tagName("img")).isEmpty());
    assertNull(((JavascriptExecutor) browser).executeScript("return window.__xss;"));

    hit.findElement(By.cssSelector("h2 a")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("doc")));
    assertTrue(browser.findElement(By.id("title")).getText().contains("<script>"));
    assertTrue(browser.findElements(By.cssSelector("#doc img, #doc script")).isEmpty());
    assertNull(((JavascriptExecutor) browser).executeScript("return window.__xss;"));
  }
}
