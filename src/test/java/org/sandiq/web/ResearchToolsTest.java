package org.sandiq.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.ingest.Corpus;
import org.sandiq.ingest.WarcExport;
import org.sandiq.search.ExportedDocument;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.testing.CaptureArchive;
import org.sandiq.testing.Fixtures;

/**
 * The archive researcher's tools over a real index of a WARC with several captures per URL, a loose
 * page and the seed text, through a real server: captures by URL and their TimeMap, collections,
 * the time histogram, and exports in every format (the WARC read back with jwarc, digests checked).
 */
class ResearchToolsTest {
  @TempDir static Path dir;
  static LanguageAnalyzers analyzers;
  static LuceneSearchService search;
  static Javalin app;
  static Javalin limited;
  static String base;
  static String limitedBase;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    Path corpus = dir.resolve("corpus");
    CaptureArchive.write(corpus, "webarchive/captures.warc.gz");
    Fixtures.write(
        corpus,
        "notes/lighthouse.html",
        "<!doctype html><html lang=\"en\"><head><title>Notes on a lighthouse visit</title></head>"
            + "<body><article><p>We walked to the lighthouse at dawn and counted the steps of its"
            + " tower, two hundred and twelve, before the keeper's door.</p></article></body>"
            + "</html>");
    Fixtures.copyShipped(corpus, "seed/000_7171e9ebea0e3f35.txt", "seed/s.txt");
    Fixtures.reindex(corpus, dir.resolve("index"), false);
    analyzers = new LanguageAnalyzers();
    search = new LuceneSearchService(dir.resolve("index"), new FieldAnalyzers(analyzers));
    Corpus files = new Corpus(corpus);
    ArchiveExport archive =
        out -> {
          WarcExport warc = new WarcExport(files, out, "Sandiq test");
          return new ArchiveExport.Writer() {
            @Override
            public void write(ExportedDocument doc) throws java.io.IOException {
              String when = doc.captureDate() != null ? doc.captureDate() : doc.date();
              warc.write(
                  doc.source(),
                  doc.url(),
                  when == null ? null : java.time.Instant.parse(when),
                  doc.text());
            }

            @Override
            public void close() throws java.io.IOException {
              warc.close();
            }
          };
        };
    app =
        WebApp.create(search, new WebOptions(files::readRaw, null, null, List.of(), archive, 100))
            .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
    limited =
        WebApp.create(search, new WebOptions(files::readRaw, null, null, List.of(), null, 2))
            .start("127.0.0.1", 0);
    limitedBase = "http://127.0.0.1:" + limited.port();
  }

  @AfterAll
  static void stop() throws Exception {
    app.stop();
    limited.stop();
    search.close();
    analyzers.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return get(base, path);
  }

  static HttpResponse<String> get(String server, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static JsonNode json(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static List<String> captureDates(JsonNode hits) {
    List<String> dates = new ArrayList<>();
    hits.forEach(h -> dates.add(h.get("captureDate").asText()));
    return dates;
  }

  @Test
  void aUrlListsEveryCaptureNewestFirstWhateverItsSpelling() throws Exception {
    List<String> expected =
        List.of("2021-01-05T17:45:00Z", "2020-06-01T12:30:00Z", "2019-03-10T08:00:00Z");
    for (String query :
        List.of(
            "http://example.org/news/a",
            "url:example.org/news/a/",
            "url:https://www.example.org/news/a")) {
      JsonNode page = json("/api/search?q=" + q(query));
      assertEquals(3, page.get("total").asInt(), query);
      assertEquals(expected, captureDates(page.get("hits")), query);
      for (JsonNode hit : page.get("hits")) {
        assertEquals(3, hit.get("captures").asInt());
        assertEquals("webarchive", hit.get("collection").asText());
        assertTrue(get("/doc/" + q(hit.get("id").asText())).statusCode() == 200);
      }
    }
  }

  @Test
  void aPrefixListsCapturesUnderItPagedByCursor() throws Exception {
    JsonNode first = json("/api/search?size=2&q=" + q("url:example.org/news/*"));
    assertEquals(4, first.get("total").asInt());
    assertEquals(2, first.get("hits").size());
    JsonNode second =
        json(
            "/api/search?size=2&q="
                + q("url:example.org/news/*")
                + "&cursor="
                + q(first.get("nextCursor").asText()));
    Set<String> ids = new HashSet<>();
    List<String> dates = new ArrayList<>(captureDates(first.get("hits")));
    dates.addAll(captureDates(second.get("hits")));
    first.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    second.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    assertEquals(4, ids.size(), "no capture repeated or lost across pages");
    List<String> sorted = new ArrayList<>(dates);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertEquals(sorted, dates, "newest capture first across pages");
    assertEquals(
        0, json("/api/search?q=" + q("url:example.org/nothing-here")).get("total").asInt());
    assertEquals(400, get("/api/search?q=" + q("url:two words")).statusCode());
  }

  @Test
  void wordSearchShowsOneHitPerUrlWithItsCaptureCount() throws Exception {
    JsonNode page = json("/api/search?size=20&q=lighthouse");
    Map<String, Integer> captures = new HashMap<>();
    page.get("hits").forEach(h -> captures.put(h.get("url").asText(), h.get("captures").asInt()));
    assertEquals(1, captures.get("http://example.org/news/b"));
    assertEquals(1, captures.get("http://other.org/"));
    // One hit per URL on a page: the best-ranked capture of news/a stands for its three.
    assertEquals(4, page.get("hits").size(), page.toString());
    assertEquals(
        List.of(3),
        captures.entrySet().stream()
            .filter(e -> e.getKey().contains("news/a"))
            .map(Map.Entry::getValue)
            .toList());
    assertEquals(6, page.get("total").asInt(), "the total counts documents, every capture");
    assertTrue(
        page.get("hits")
            .findValuesAsText("collection")
            .containsAll(List.of("webarchive", "notes")));
  }

  @Test
  void pagesByCursorShowEachUrlOnceAsOnePageDoes() throws Exception {
    List<String> whole = new ArrayList<>();
    json("/api/search?size=20&q=lighthouse")
        .get("hits")
        .forEach(h -> whole.add(h.get("id").asText()));
    List<String> walked = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 20; pages++) {
      JsonNode page =
          json("/api/search?size=1&q=lighthouse" + (cursor == null ? "" : "&cursor=" + q(cursor)));
      page.get("hits").forEach(h -> walked.add(h.get("id").asText()));
      JsonNode next = page.get("nextCursor");
      if (next == null || next.isNull()) {
        break;
      }
      cursor = next.asText();
    }
    // A later page must not show another capture of a URL an earlier page showed.
    assertEquals(whole, walked);
  }

  @Test
  void theTimeMapListsCapturesInLinkFormat() throws Exception {
    HttpResponse<String> response = get("/timemap/link/http://example.org/news/a");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(
        "application/link-format", response.headers().firstValue("Content-Type").orElse(""));
    String body = response.body();
    List<String> links = List.of(body.strip().split(",\n"));
    assertEquals(5, links.size(), body);
    assertEquals("<http://example.org/news/a>; rel=\"original\"", links.get(0));
    assertTrue(
        links
            .get(1)
            .matches(
                "<http://127\\.0\\.0\\.1:\\d+/timemap/link/http://example\\.org/news/a>;"
                    + " rel=\"self\"; type=\"application/link-format\";"
                    + " from=\"Sun, 10 Mar 2019 08:00:00 GMT\"; until=\"Tue, 5 Jan 2021 17:45:00"
                    + " GMT\""),
        links.get(1));
    assertTrue(
        links
            .get(2)
            .matches(
                "<http://127\\.0\\.0\\.1:\\d+/doc/[^>]+>; rel=\"first memento\";"
                    + " datetime=\"Sun, 10 Mar 2019 08:00:00 GMT\""),
        links.get(2));
    assertTrue(links.get(3).contains("rel=\"memento\"; datetime=\"Mon, 1 Jun 2020 12:30:00 GMT\""));
    assertTrue(links.get(4).contains("rel=\"last memento\"; datetime=\"Tue, 5 Jan 2021"));
    // Every memento link opens the capture's document view.
    for (String link : links.subList(2, 5)) {
      String target = link.substring(1, link.indexOf('>'));
      assertEquals(
          200,
          HTTP.send(
                  HttpRequest.newBuilder(URI.create(target)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode());
    }
    assertEquals(404, get("/timemap/link/http://example.org/never").statusCode());
  }

  @Test
  void collectionsAreAFacetAFilterAndAQueryField() throws Exception {
    JsonNode facets = json("/api/facets?q=lighthouse");
    Map<String, Integer> counts = new HashMap<>();
    facets
        .get("facets")
        .get("collection")
        .forEach(v -> counts.put(v.get("value").asText(), v.get("count").asInt()));
    assertEquals(Map.of("webarchive", 5, "notes", 1), counts);
    assertEquals(1, json("/api/search?q=lighthouse&collection=notes").get("total").asInt());
    assertEquals(
        5, json("/api/search?q=" + q("lighthouse collection:webarchive")).get("total").asInt());
    // Drill sideways: filtered on one collection, the others keep their counts.
    JsonNode filtered = json("/api/facets?q=lighthouse&collection=notes");
    assertEquals(1, filtered.get("total").asInt());
    assertEquals(2, filtered.get("facets").get("collection").size());
  }

  @Test
  void theHistogramCountsMatchesPerPeriodBesideTheArchiveTotals() throws Exception {
    JsonNode years = json("/api/facets?q=lighthouse&interval=year").get("histogram");
    assertEquals("year", years.get("interval").asText());
    Map<String, Integer> counts = new HashMap<>();
    for (JsonNode bucket : years.get("buckets")) {
      counts.put(bucket.get("period").asText(), bucket.get("count").asInt());
      assertTrue(bucket.get("total").asInt() >= bucket.get("count").asInt(), bucket.toString());
    }
    assertEquals(1, counts.get("2018"));
    assertEquals(1, counts.get("2019"));
    assertEquals(2, counts.get("2020"));
    assertEquals(1, counts.get("2021"));
    JsonNode months =
        json("/api/facets?q=lighthouse&interval=month&from=2020-01-01&to=2020-12-31")
            .get("histogram");
    List<String> periods = months.get("buckets").findValuesAsText("period");
    assertEquals(List.of("2020-06", "2020-07"), periods);
    JsonNode days =
        json("/api/facets?q=lighthouse&interval=day&from=2020-06-01&to=2020-06-30")
            .get("histogram");
    assertEquals("2020-06-01", days.get("buckets").get(0).get("period").asText());
    assertEquals(1, days.get("buckets").get(0).get("count").asInt());
    assertTrue(json("/api/facets?q=lighthouse").get("histogram").isNull());
    assertEquals(400, get("/api/facets?q=lighthouse&interval=week").statusCode());
  }

  @Test
  void jsonLinesHoldEveryMatchWithItsText() throws Exception {
    HttpResponse<String> response = get("/api/export?format=jsonl&q=lighthouse");
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/x-ndjson"));
    List<String> lines = response.body().lines().toList();
    assertEquals(6, lines.size(), "every match, copies included, not only a page");
    for (String line : lines) {
      JsonNode doc = JSON.readTree(line);
      for (String field : List.of("id", "url", "title", "lang", "collection", "text", "score")) {
        assertNotNull(doc.get(field), field + " in " + line);
      }
      assertTrue(doc.get("text").asText().contains("lighthouse"), line);
    }
  }

  @Test
  void csvHasAHeaderAndOneRowPerMatch() throws Exception {
    HttpResponse<String> response =
        get("/api/export?format=csv&q=lighthouse&collection=webarchive");
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(response.headers().firstValue("Content-Disposition").orElse("").contains(".csv"));
    List<String> rows = response.body().lines().toList();
    assertEquals("id,url,title,date,capture_date,lang,site,collection,score", rows.get(0));
    assertEquals(6, rows.size());
    assertTrue(rows.stream().skip(1).allMatch(r -> r.contains(",webarchive,")), rows.toString());
    assertTrue(rows.stream().anyMatch(r -> r.contains("\"Lighthouse keepers, first report\"")));
  }

  @Test
  void csvCellsAreQuotedAndFormulasDefused() {
    assertEquals("\"a, \"\"b\"\"\"", Exports.csvCell("a, \"b\""));
    assertEquals("'=HYPERLINK(1)", Exports.csvCell("=HYPERLINK(1)"));
    assertEquals("", Exports.csvCell(null));
  }

  @Test
  void theWarcHoldsTheOriginalRecordsWithTheirDigests() throws Exception {
    HttpResponse<byte[]> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/export?format=warc&q=lighthouse"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    assertEquals("application/warc", response.headers().firstValue("Content-Type").orElse(""));
    List<String> responses = new ArrayList<>();
    int resources = 0;
    int infos = 0;
    try (WarcReader reader =
        new WarcReader(Channels.newChannel(new ByteArrayInputStream(response.body())))) {
      for (WarcRecord record : reader) {
        if (record instanceof Warcinfo) {
          infos++;
          continue;
        }
        byte[] block = record.body().stream().readAllBytes();
        WarcDigest digest = record.blockDigest().orElseThrow();
        assertArrayEquals(
            digest.bytes(),
            MessageDigest.getInstance(digest.algorithm()).digest(block),
            "block digest of " + record.headers().first("WARC-Target-URI").orElse("?"));
        if (record instanceof WarcResponse r) {
          responses.add(r.target() + " " + r.date());
          // The payload digest the crawler wrote still matches the payload.
          WarcDigest payload = r.payloadDigest().orElseThrow();
          String text = new String(block, StandardCharsets.ISO_8859_1);
          byte[] body =
              java.util.Arrays.copyOfRange(block, text.indexOf("\r\n\r\n") + 4, block.length);
          assertArrayEquals(
              payload.bytes(), MessageDigest.getInstance(payload.algorithm()).digest(body));
        } else if (record instanceof WarcResource) {
          resources++;
        }
      }
    }
    assertEquals(1, infos);
    List<String> expected = new ArrayList<>();
    CaptureArchive.CAPTURES.forEach(c -> expected.add(c.url() + " " + c.date()));
    responses.sort(null);
    expected.sort(null);
    assertEquals(expected, responses, "each capture's own record, unchanged");
    assertEquals(1, resources, "the loose page as a resource record");
  }

  @Test
  void exportsPastTheLimitAreA400BeforeAnyByte() throws Exception {
    HttpResponse<String> refused = get(limitedBase, "/api/export?format=jsonl&q=lighthouse");
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("export limit of 2"), refused.body());
    assertTrue(
        refused.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    HttpResponse<String> small =
        get(limitedBase, "/api/export?format=csv&q=lighthouse&collection=notes");
    assertEquals(200, small.statusCode(), small.body());
    assertEquals(2, small.body().lines().count());
    HttpResponse<String> noCorpus =
        get(limitedBase, "/api/export?format=warc&q=" + q("collection:notes"));
    assertEquals(400, noCorpus.statusCode(), noCorpus.body());
    assertEquals(400, get("/api/export?format=pdf&q=lighthouse").statusCode());
  }
}
