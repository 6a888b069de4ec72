package org.sandiq.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.ingest.Corpus;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.testing.Fixtures;

/** Admin actions, CORS, path traversal and request size, through real servers. */
class SecurityTest {
  static final String TOKEN = "correct-horse-battery-staple";
  @TempDir static Path dir;
  static LanguageAnalyzers analyzers;
  static LuceneSearchService search;
  static Javalin open;
  static Javalin guarded;
  static final AtomicInteger reindexes = new AtomicInteger();
  static final AtomicBoolean busy = new AtomicBoolean();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    Path corpus = dir.resolve("corpus");
    Fixtures.write(corpus, "a.txt", "Alpha\n\nA document about Baku.");
    Fixtures.reindex(corpus, dir.resolve("index"), false);
    analyzers = new LanguageAnalyzers();
    search = new LuceneSearchService(dir.resolve("index"), new FieldAnalyzers(analyzers));
    open = WebApp.create(search, new Corpus(corpus)::readRaw).start("127.0.0.1", 0);
    WebOptions.AdminActions admin =
        () -> {
          if (busy.get()) {
            return false;
          }
          reindexes.incrementAndGet();
          return true;
        };
    guarded =
        WebApp.create(
                search,
                new WebOptions(
                    new Corpus(corpus)::readRaw, TOKEN, admin, List.of("https://archive.example")))
            .start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    open.stop();
    guarded.stop();
    search.close();
    analyzers.close();
  }

  static HttpResponse<String> send(Javalin app, HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest.Builder at(Javalin app, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
  }

  static void assertError(HttpResponse<String> response, int status) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    JsonNode error = JSON.readTree(response.body()).get("error");
    assertEquals(status, error.get("status").asInt());
    assertFalse(error.get("message").asText().isBlank());
  }

  @Test
  void adminActionsAreOffWithoutAToken() throws Exception {
    HttpResponse<String> response =
        send(open, at(open, "/api/reindex").POST(HttpRequest.BodyPublishers.noBody()));
    assertError(response, 403);
    assertTrue(response.body().contains("admin actions are off"));
  }

  @Test
  void adminActionsNeedTheToken() throws Exception {
    int before = reindexes.get();
    assertError(
        send(guarded, at(guarded, "/api/reindex").POST(HttpRequest.BodyPublishers.noBody())), 401);
    HttpResponse<String> wrong =
        send(
            guarded,
            at(guarded, "/api/reindex")
                .header("Authorization", "Bearer " + TOKEN + "x")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertError(wrong, 401);
    assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    assertEquals(before, reindexes.get(), "nothing ran");

    HttpResponse<String> right =
        send(
            guarded,
            at(guarded, "/api/reindex")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(202, right.statusCode(), right.body());
    assertEquals(before + 1, reindexes.get());

    busy.set(true);
    try {
      assertError(
          send(
              guarded,
              at(guarded, "/api/reindex")
                  .header("Authorization", "Bearer " + TOKEN)
                  .POST(HttpRequest.BodyPublishers.noBody())),
          409);
    } finally {
      busy.set(false);
    }
    assertError(send(guarded, at(guarded, "/api/reindex").GET()), 404);
  }

  @Test
  void corsOnlyForConfiguredOrigins() throws Exception {
    HttpResponse<String> none =
        send(open, at(open, "/api/health").header("Origin", "https://archive.example"));
    assertTrue(none.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    HttpResponse<String> allowed =
        send(guarded, at(guarded, "/api/health").header("Origin", "https://archive.example"));
    assertEquals(
        "https://archive.example",
        allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    HttpResponse<String> other =
        send(guarded, at(guarded, "/api/health").header("Origin", "https://evil.example"));
    assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
  }

  @Test
  void noPathTraversal() throws Exception {
    for (String path :
        List.of(
            "/static/..%2F..%2Fpom.xml",
            "/static/%2e%2e%2f%2e%2e%2fpom.xml",
            "/static/%252e%252e%252fpom.xml",
            "/static/..%5c..%5cpom.xml",
            "/static/....%2F%2Fpom.xml",
            "/doc/..%2F..%2Fetc%2Fpasswd",
            "/api/doc/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/api/doc/..%252f..%252fetc%252fpasswd/raw")) {
      HttpResponse<String> response = send(open, at(open, path));
      assertEquals(404, response.statusCode(), path);
      assertFalse(response.body().contains("root:"), path);
      assertFalse(response.body().contains("<artifactId>"), path);
    }
    Corpus corpus = new Corpus(dir.resolve("corpus"));
    for (String source :
        List.of(
            "../index/segments_1",
            "/etc/passwd",
            "a.txt/../../other/a.txt",
            "../../etc/passwd",
            "a.txt#0",
            "nope.txt",
            "a.txt\u0000.txt",
            "")) {
      assertTrue(corpus.readRaw(source).isEmpty(), source);
    }
    assertTrue(corpus.readRaw("a.txt").isPresent());
  }

  @Test
  void oversizedRequestsAreRefusedWithoutAServerError() throws Exception {
    HttpResponse<String> longUri = send(open, at(open, "/api/search?q=" + "x".repeat(80_000)));
    assertTrue(
        longUri.statusCode() == 414 || longUri.statusCode() == 431, "" + longUri.statusCode());
    HttpResponse<String> hugeHeader =
        send(open, at(open, "/api/health").header("X-Padding", "y".repeat(80_000)));
    assertEquals(431, hugeHeader.statusCode());
    HttpResponse<String> after = send(open, at(open, "/api/health"));
    assertEquals(200, after.statusCode(), "the server is fine afterwards");
  }
}
