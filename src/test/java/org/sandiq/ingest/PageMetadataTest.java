package org.sandiq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.sandiq.testing.Fixtures;

/** Title, dates, canonical URL, language and description, on real pages of the benchmarks. */
class PageMetadataTest {
  private final DocumentCleaner cleaner = new DocumentCleaner();

  private static String page(String id) throws IOException {
    var file = Fixtures.shared("data/scrapinghub-article-extraction/html/" + id + ".html.gz");
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private CleanDocument clean(String html, String url, Instant captured) throws Exception {
    return cleaner.clean(
        new RawDocument(
            "b/p.html",
            url,
            captured,
            SourceFormat.HTML,
            html.getBytes(StandardCharsets.UTF_8),
            "utf-8"));
  }

  @Test
  void newsPageGivesTitleDateCanonicalLanguageAndDescription() throws Exception {
    String html = page("264dc3ae31249cb1f50c50986e0952a4708c2e705d18a2d8bf0e525da6e2b485");
    Instant captured = Instant.parse("2019-11-21T10:00:00Z");
    CleanDocument doc = clean(html, null, captured);
    assertEquals("Zach Parise heating up, scores twice as Wild beat Sabres 4-1", doc.title());
    assertTrue(doc.url().startsWith("https://www.twincities.com/2019/11/19/parise-scores"));
    assertEquals("twincities.com", doc.site());
    assertEquals(Instant.parse("2019-11-20T02:59:46Z"), doc.date(), "article:published_time");
    assertEquals(captured, doc.captureDate(), "the WARC-Date is kept apart");
    assertTrue(doc.description().startsWith("Zach Parise scored twice"), doc.description());
    assertEquals("en", doc.langHint());
  }

  @Test
  void titleElementLosesTheSiteName() throws Exception {
    // Live Science: "<headline> | Live Science"; without og:title the <title> is used, cleaned.
    String html =
        page("bd673bd7988144f0ab7b9c5e19fed140fb5aaa30d8894cb045b72d3b79a7dc54")
            .replaceAll("<meta[^>]+(og|twitter):title[^>]*>", "");
    CleanDocument doc = clean(html, null, null);
    assertEquals("A Man Develops 'Feather-Duvet Lung' After Switching His Bedding", doc.title());
    // wday.ru: "<headline> — www.wday.ru"
    String wday =
        page("c82b3d1d540bbbd6081bdfb78b4c068c583aa766bcaaefe7ad16d24e5413a829")
            .replaceAll("<meta[^>]+(og|twitter):title[^>]*>", "");
    String title = clean(wday, null, null).title();
    assertTrue(title.startsWith("53-летняя модель") && !title.contains("wday"), title);
  }

  @Test
  void siteNameIsCutOnlyWhenItIsOne() {
    assertEquals(
        "Budget approved", PageMetadata.withoutSiteName("Budget approved | Example", "Example"));
    assertEquals(
        "Budget approved", PageMetadata.withoutSiteName("Example - Budget approved", "Example"));
    assertEquals(
        "Council approves the library budget",
        PageMetadata.withoutSiteName("Council approves the library budget - Baku News", null));
    assertEquals(
        "Baku - Ganja railway reopens",
        PageMetadata.withoutSiteName("Baku - Ganja railway reopens", null),
        "a dash inside a headline stays");
  }

  @Test
  void dateFromJsonLdThenTimeThenUrl() throws Exception {
    String jsonLd =
        "<html><head><script type='application/ld+json'>{\"@context\":\"https://schema.org\","
            + "\"@graph\":[{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-02-26T10:00:00+04:00\"}]}"
            + "</script></head><body><p>Text.</p></body></html>";
    assertEquals(Instant.parse("2020-02-26T06:00:00Z"), clean(jsonLd, null, null).date());
    String time =
        "<html><body><time datetime='2021-03-04'>4 March</time><p>Text.</p></body></html>";
    assertEquals(Instant.parse("2021-03-04T00:00:00Z"), clean(time, null, null).date());
    String plain = "<html><body><p>Text.</p></body></html>";
    Instant captured = Instant.parse("2022-01-01T00:00:00Z");
    CleanDocument fromUrl = clean(plain, "https://news.example.az/2019/11/19/story", captured);
    assertEquals(Instant.parse("2019-11-19T00:00:00Z"), fromUrl.date());
    assertEquals(captured, fromUrl.captureDate());
    CleanDocument none = clean(plain, "https://news.example.az/story", captured);
    assertEquals(captured, none.date(), "no publication date: the capture date stands in");
    assertNull(PageMetadata.urlDate("https://example.com/2019/02/31/x"), "no 31 February");
  }
}
