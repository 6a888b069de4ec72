package org.sandiq.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.ingest.Corpus;
import org.sandiq.ingest.DocumentIds;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.testing.Fixtures;

/** The HTTP API and pages, over a real index, through a real server on a random port. */
class WebAppTest {
  @TempDir static Path dir;
  static LanguageAnalyzers analyzers;
  static LuceneSearchService search;
  static Javalin app;
  static String base;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SEED = "seed/000_7171e9ebea0e3f35.txt";

  @BeforeAll
  static void start() throws Exception {
    Path corpus = dir.resolve("corpus");
    Fixtures.copyShipped(corpus, SEED, SEED);
    Fixtures.copyShipped(corpus, "ntrex/az/bbc.381680.txt", "ntrex/az/bbc.381680.txt");
    Fixtures.reindex(corpus, dir.resolve("index"), false);
    analyzers = new LanguageAnalyzers();
    search = new LuceneSearchService(dir.resolve("index"), new FieldAnalyzers(analyzers));
    app = WebApp.create(search, new Corpus(corpus)::readRaw).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterAll
  static void stop() throws Exception {
    app.stop();
    search.close();
    analyzers.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static void assertError(HttpResponse<String> response, int status, String messagePart)
      throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode error = JSON.readTree(response.body()).get("error");
    assertEquals(status, error.get("status").asInt());
    assertTrue(error.get("message").asText().contains(messagePart), error.toString());
    assertEquals(1, JSON.readTree(response.body()).size(), "the error shape has one key");
  }

  @Test
  void searchReturnsTheDocumentedShape() throws Exception {
    HttpResponse<String> response = get("/api/search?q=" + q("xankendi"));
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").contains("json"));
    JsonNode body = JSON.readTree(response.body());
    for (String key :
        List.of(
            "query",
            "total",
            "totalRelation",
            "tookMs",
            "page",
            "size",
            "hits",
            "facets",
            "suggestion",
            "relaxed",
            "nextCursor")) {
      assertTrue(body.has(key), key);
    }
    assertEquals("xankendi", body.get("query").asText());
    assertEquals(1, body.get("total").asInt());
    assertEquals("eq", body.get("totalRelation").asText());
    assertTrue(body.get("facets").isNull(), "facets only when asked for");
    assertEquals(1, body.get("page").asInt());
    assertEquals(10, body.get("size").asInt());
    JsonNode hit = body.get("hits").get(0);
    for (String key :
        List.of(
            "id",
            "title",
            "titleHtml",
            "url",
            "site",
            "lang",
            "date",
            "snippet",
            "score",
            "duplicates")) {
      assertTrue(hit.has(key), key);
    }
    assertEquals(DocumentIds.of(SEED), hit.get("id").asText());
    assertTrue(hit.get("snippet").asText().contains("<mark>Xankəndi</mark>"), hit.toString());
    for (String asked : List.of("/api/search?facets=true&q=", "/api/facets?q=")) {
      JsonNode counted = JSON.readTree(get(asked + q("xankendi")).body());
      JsonNode lang = counted.get("facets").get("lang").get(0);
      assertEquals("en", lang.get("value").asText(), asked);
      assertEquals(1, lang.get("count").asInt(), asked);
      assertTrue(counted.get("facets").has("site"), asked);
      assertEquals(1, counted.get("total").asInt(), asked);
    }
    assertEquals(400, get("/api/search?facets=maybe&q=x").statusCode());
  }

  @Test
  void searchHonoursLangPageAndSize() throws Exception {
    JsonNode az = JSON.readTree(get("/api/search?q=" + q("İngiltərə") + "&lang=az").body());
    assertEquals(1, az.get("total").asInt());
    JsonNode en = JSON.readTree(get("/api/search?q=" + q("İngiltərə") + "&lang=en").body());
    assertEquals(0, en.get("total").asInt());
    JsonNode page = JSON.readTree(get("/api/search?q=&page=2&size=1").body());
    assertEquals(2, page.get("total").asInt());
    assertEquals(1, page.get("hits").size());
    assertEquals(2, page.get("page").asInt());
  }

  @Test
  void badInputIsA400WithAMessage() throws Exception {
    assertError(get("/api/search?q=x&page=-1"), 400, "page");
    assertError(get("/api/search?q=x&size=100000"), 400, "size");
    assertError(get("/api/search?q=x&lang=xx"), 400, "unknown lang");
    assertError(get("/api/search?q=x&page=abc"), 400, "whole number");
    assertError(get("/api/search?q=" + q("\"Xocalı")), 400, "unbalanced quote at position 1");
    assertError(get("/api/search?q=" + q("*")), 400, "letters before *");
    assertError(get("/api/search?q=x&sort=random"), 400, "unknown sort");
    assertError(get("/api/search?q=x&from=yesterday"), 400, "from must be a date");
    assertError(get("/api/search?q=x&cursor=nonsense"), 400, "invalid cursor");
    assertError(get("/api/search?q=" + q("x".repeat(3000))), 400, "too long");
    assertError(get("/api/search?q=%00"), 400, "NUL");
  }

  @Test
  void filtersSortAndCursorThroughTheApi() throws Exception {
    JsonNode body =
        JSON.readTree(get("/api/search?q=&site=ntrex&sort=newest&size=1&from=1990").body());
    assertEquals(0, body.get("total").asInt(), "no NTREX article is dated");
    JsonNode first = JSON.readTree(get("/api/search?q=&size=1").body());
    String cursor = first.get("nextCursor").asText();
    JsonNode second = JSON.readTree(get("/api/search?q=&size=1&cursor=" + q(cursor)).body());
    assertEquals(1, second.get("hits").size());
    assertFalse(
        first
            .get("hits")
            .get(0)
            .get("id")
            .asText()
            .equals(second.get("hits").get(0).get("id").asText()));
    assertTrue(second.get("nextCursor").isNull(), "two documents: the second page is the last");
  }

  @Test
  void suggestSimilarAndRaw() throws Exception {
    JsonNode suggest = JSON.readTree(get("/api/suggest?q=" + q("brex")).body());
    assertTrue(suggest.get("suggestions").toString().contains("Brexit"), suggest.toString());
    assertEquals(0, JSON.readTree(get("/api/suggest").body()).get("suggestions").size());

    JsonNode similar = JSON.readTree(get("/api/doc/" + DocumentIds.of(SEED) + "/similar").body());
    assertEquals(DocumentIds.of(SEED), similar.get("id").asText());
    assertTrue(similar.get("hits").isArray());
    assertError(get("/api/doc/0000000000000000/similar"), 404, "no document");

    HttpResponse<String> raw = get("/api/doc/" + DocumentIds.of(SEED) + "/raw");
    assertEquals(200, raw.statusCode());
    assertTrue(raw.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    assertTrue(raw.body().contains("See more"), "the raw file, boilerplate and all");
    assertError(get("/api/doc/0000000000000000/raw"), 404, "no document");
    assertEquals(404, get("/api/doc/..%2F..%2Fpom.xml/raw").statusCode());
  }

  @Test
  void openApiDescribesEveryRoute() throws Exception {
    JsonNode paths = JSON.readTree(get("/api/openapi.json").body()).get("paths");
    for (var endpoint : app.unsafe.internalRouter.allHttpHandlers()) {
      // Javalin's <name> (a parameter that may hold slashes) is OpenAPI's {name}.
      String path = endpoint.endpoint.path.replaceAll("<([^>]+)>", "{$1}");
      String method = endpoint.endpoint.method.name().toLowerCase(java.util.Locale.ROOT);
      if (method.equals("before") || method.equals("after") || method.equals("head")) {
        continue;
      }
      assertTrue(paths.has(path), "openapi.json describes " + path);
      assertTrue(paths.get(path).has(method), "openapi.json describes " + method + " " + path);
    }
  }

  @Test
  void metricsAndRequestIds() throws Exception {
    get("/api/search?q=brexit");
    HttpResponse<String> withId =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/health"))
                .header("X-Request-Id", "abc-123")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals("abc-123", withId.headers().firstValue("X-Request-Id").orElse(""));
    assertTrue(get("/api/health").headers().firstValue("X-Request-Id").isPresent());
    String metrics = get("/metrics").body();
    assertTrue(metrics.contains("http_server_requests_seconds_count{"), metrics);
    assertTrue(metrics.contains("route=\"/api/search\""), "per route, not per URL");
    assertTrue(metrics.contains("sandiq_documents 2.0"), metrics);
    assertTrue(metrics.contains("sandiq_index_size_bytes"));
  }

  @Test
  void documentAndUnknownDocument() throws Exception {
    HttpResponse<String> response = get("/api/doc/" + DocumentIds.of(SEED));
    assertEquals(200, response.statusCode());
    JsonNode doc = JSON.readTree(response.body());
    for (String key : List.of("id", "url", "title", "text", "lang", "date", "site", "source")) {
      assertTrue(doc.has(key), key);
    }
    assertEquals(SEED, doc.get("source").asText());
    assertError(get("/api/doc/0000000000000000"), 404, "no document");
    assertError(get("/api/nothing-here"), 404, "not found");
  }

  @Test
  void healthCountsDocuments() throws Exception {
    JsonNode health = JSON.readTree(get("/api/health").body());
    assertEquals("ok", health.get("status").asText());
    assertEquals(2, health.get("documents").asInt());
  }

  @Test
  void pagesAreServedWithTheSearchFormAndSafeHeaders() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("<form id=\"search-form\""));
    assertTrue(page.body().contains("name=\"q\""));
    assertFalse(page.body().contains("http://") || page.body().contains("https://"), "no CDN");
    String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));

    assertEquals(200, get("/static/app.js").statusCode());
    assertEquals(200, get("/help").statusCode());
    assertTrue(get("/help").body().contains("after:2020-01-01"));
    assertEquals(200, get("/static/style.css").statusCode());
    assertEquals(404, get("/static/..%2F..%2Fpom.xml").statusCode());
    assertEquals(404, get("/static/index.html").statusCode());

    HttpResponse<String> docPage = get("/doc/" + DocumentIds.of(SEED));
    assertEquals(200, docPage.statusCode());
    assertTrue(docPage.body().contains("doc.js"));
    HttpResponse<String> missing = get("/doc/0000000000000000");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
  }
}
