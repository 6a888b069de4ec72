package org.sandiq.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.testing.Fixtures;

/**
 * Proof by hostile input: a seeded generator sends 10,000 requests (random Unicode, operators,
 * unbalanced quotes, huge strings, NUL, invalid percent-encoding, absurd parameters) to a real
 * server over raw sockets, so nothing is cleaned up on the way. Zero 5xx; every error in the one
 * JSON shape; the server healthy afterwards.
 */
class HostileQueriesTest {
  static final int REQUESTS = 10_000;
  @TempDir static Path dir;
  static LanguageAnalyzers analyzers;
  static LuceneSearchService search;
  static Javalin app;
  static final ObjectMapper JSON = new ObjectMapper();

  static final String[] PIECES = {
    "tea",
    "Xocal%C4%B1",
    "%D0%A5%D0%BE%D0%B4%D0%B6%D0%B0%D0%BB%D1%8B",
    "%22",
    "(",
    ")",
    "-",
    "%2B",
    "OR",
    "AND",
    "NOT",
    "*",
    "%3F",
    "~",
    "~2",
    "%5E",
    "%3A",
    "title%3A",
    "site%3A",
    "lang%3Aaz",
    "after%3A2020",
    "before%3Ax",
    "%2F",
    "%5C",
    "%5B",
    "%5D",
    "%7B",
    "%7D",
    "!",
    "%26%26",
    "%7C%7C",
    "%00",
    "%EF%BF%BF",
    "%F0%9F%98%80",
    "%ZZ",
    "%",
    "%C3",
    "%E2%82",
    "%FF%FE",
    "+",
    "%20",
    "%09",
    "%0A",
    "a*b",
    "x~0.5",
    "%22a+b%22~3",
    "http%3A%2F%2Fx.y%2F",
    "12%3A30",
    "%27",
    "%E2%80%99",
    "%C5%BF",
    "%E2%85%AB",
    "%D9%A3",
    "%E2%80%8B",
    "&q=",
    "&page=",
    "=",
    "#",
    ";",
    "%25",
    "%2525",
    "..%2F"
  };

  static final String[] PARAMS = {
    "page=-1",
    "page=0",
    "page=99999999999",
    "page=abc",
    "page=1e3",
    "size=0",
    "size=100000",
    "size=-5",
    "size=%00",
    "lang=xx",
    "lang=AZ",
    "lang=%00",
    "lang=",
    "site=%22%27%3C",
    "from=2020-13-45",
    "from=yesterday",
    "to=99999",
    "from=2022&to=2020",
    "sort=random",
    "sort=newest",
    "sort=OLDEST",
    "cursor=abc",
    "cursor=%00%01",
    "cursor=YzE6UkVMRVZBTkNFOjA6MDo",
    "q=",
    "q",
    "&&&",
    "page=2&size=100",
    "page=101&size=100",
    "unknown=1"
  };

  @BeforeAll
  static void start() throws Exception {
    Path corpus = dir.resolve("corpus");
    Fixtures.write(corpus, "a.txt", "Tea\n\nThe tea of Lankaran and the caravans of Sheki.");
    Fixtures.write(corpus, "b.txt", "İngiltərə\n\nİngiltərə və Xocalı haqqında xəbərlər.");
    Fixtures.reindex(corpus, dir.resolve("index"), false);
    analyzers = new LanguageAnalyzers();
    search = new LuceneSearchService(dir.resolve("index"), new FieldAnalyzers(analyzers));
    app = WebApp.create(search).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    app.stop();
    search.close();
    analyzers.close();
  }

  static String randomTarget(Random random) {
    StringBuilder q = new StringBuilder();
    int kind = random.nextInt(10);
    if (kind == 0) {
      q.append("x".repeat(1 + random.nextInt(20_000)));
    } else if (kind == 1) {
      for (int i = 0; i < 1 + random.nextInt(30); i++) {
        int cp = random.nextInt(0x2FFFF);
        if (cp >= 0xD800 && cp <= 0xDFFF) {
          cp = 'z';
        }
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          q.append('%').append(String.format("%02X", b & 0xFF));
        }
      }
    } else {
      for (int i = 0; i < 1 + random.nextInt(8); i++) {
        q.append(PIECES[random.nextInt(PIECES.length)]);
        if (random.nextBoolean()) {
          q.append('+');
        }
      }
    }
    StringBuilder target =
        new StringBuilder(random.nextInt(8) == 0 ? "/api/suggest?q=" : "/api/search?q=");
    target.append(q);
    for (int i = 0; i < random.nextInt(3); i++) {
      target.append('&').append(PARAMS[random.nextInt(PARAMS.length)]);
    }
    return target.toString();
  }

  /** One GET over a raw socket: the target goes out exactly as generated. */
  static int[] statusAndCheck(String target) throws IOException {
    {
      String response = exchange(target, "");
      int status = Integer.parseInt(response.substring(9, 12));
      int body = response.indexOf("\r\n\r\n");
      String text = body < 0 ? "" : response.substring(body + 4);
      boolean json =
          response.substring(0, Math.max(0, body)).toLowerCase().contains("application/json");
      int shapeOk = 1;
      if (status >= 400 && status < 500 && status != 414 && status != 431) {
        JsonNode node = JSON.readTree(text);
        shapeOk =
            json
                    && node.size() == 1
                    && node.get("error").get("status").asInt() == status
                    && !node.get("error").get("message").asText().isBlank()
                ? 1
                : 0;
      }
      return new int[] {status, shapeOk};
    }
  }

  /** One GET over a raw socket, with extra header lines; the whole response as text. */
  static String exchange(String target, String headers) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + target
                  + " HTTP/1.1\r\nHost: localhost\r\n"
                  + headers
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * A broken percent-escape in the query string is refused, not dropped: the container would drop
   * the parameter, and {@code q=%ZZ} searched as if nothing had been typed (every document). A path
   * Jetty cannot decode is refused by Jetty itself, before the application, and still answers in
   * the one JSON shape, even to a client that asks for HTML (such a request has no headers left to
   * read).
   */
  @Test
  void brokenEscapesAndUndecodablePathsAreRefusedInTheOneShape() throws Exception {
    for (String target : List.of("/api/search?q=%ZZ", "/api/search?q=tea%", "/api/suggest?q=%4")) {
      String response = exchange(target, "");
      assertEquals("400", response.substring(9, 12), target);
      JsonNode error = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
      assertTrue(
          error.get("error").get("message").asText().contains("malformed query string"), target);
    }
    for (String headers : List.of("", "Accept: text/html\r\n")) {
      for (String target : List.of("/api/doc/%00", "/api/doc/%ZZ", "/doc/%00")) {
        String response = exchange(target, headers);
        int body = response.indexOf("\r\n\r\n");
        assertEquals("400", response.substring(9, 12), target);
        assertTrue(response.substring(0, body).toLowerCase().contains("application/json"), target);
        JsonNode error = JSON.readTree(response.substring(body + 4)).get("error");
        assertEquals(400, error.get("status").asInt());
        assertEquals(ContainerErrors.UNREADABLE, error.get("message").asText());
      }
    }
    // A literal % written as %25 is a word like any other.
    assertEquals("200", exchange("/api/search?q=100%25+tea", "").substring(9, 12));
  }

  @Test
  void tenThousandHostileRequestsNoServerErrorOneErrorShape() throws Exception {
    Random random = new Random(8_2026_11_25L);
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      targets.add(randomTarget(random));
    }
    AtomicInteger serverErrors = new AtomicInteger();
    AtomicInteger badShapes = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    List<String> examples = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (String target : targets) {
      futures.add(
          pool.submit(
              () -> {
                int[] result = statusAndCheck(target);
                if (result[0] >= 500) {
                  serverErrors.incrementAndGet();
                  examples.add(result[0] + " " + target);
                } else if (result[0] >= 400) {
                  rejected.incrementAndGet();
                }
                if (result[1] == 0) {
                  badShapes.incrementAndGet();
                  examples.add("shape " + target);
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    assertEquals(
        0, serverErrors.get(), "5xx: " + examples.subList(0, Math.min(5, examples.size())));
    assertEquals(0, badShapes.get(), "shape: " + examples.subList(0, Math.min(5, examples.size())));
    assertTrue(rejected.get() > 100, "the generator does produce bad input: " + rejected.get());
    int[] health = statusAndCheck("/api/health");
    assertEquals(200, health[0]);
    int[] search = statusAndCheck("/api/search?q=tea");
    assertEquals(200, search[0]);
  }
}
