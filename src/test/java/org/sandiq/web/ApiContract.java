package org.sandiq.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sandiq.ingest.Corpus;
import org.sandiq.ingest.DocumentIds;
import org.sandiq.search.SearchService;
import org.sandiq.testing.Fixtures;

/**
 * The HTTP API's contract, one set of tests for every backend: a subclass indexes the same corpus
 * (the shipped corpus, plus a copy of the seed document, so one text has two copies) into its
 * backend and hands over the {@link SearchService}; the tests see only HTTP. Every route, the query
 * language, facets and the histogram, snippets, collapse, cursors, limits and their 400s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiContract {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SEED = "seed/000_7171e9ebea0e3f35.txt";
  static final String SEED_COPY = "seed/copy-of-the-seed.txt";

  /**
   * Captures of one text, more than a page's margin of raw hits, all ranked above {@link #NOTES}.
   */
  static final int CAPTURES = 60;

  /** Sixty made-up words, all in one text only. */
  static final List<String> LITANY = litany();

  private static List<String> litany() {
    String[] syllables = {"ba", "ce", "di", "fo", "gu", "ka", "le", "mi", "no", "pu"};
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      words.add("zor" + syllables[i % 10] + syllables[i / 10] + "vex");
    }
    return List.copyOf(words);
  }

  /** A word of one page's menu and of another page's article (see {@link #start}). */
  static final String MENU_WORD = "lanternwick";

  /** A word of that page's menu only, a letter from a word of its article ("pilots"). */
  static final String MENU_ONLY_WORD = "pilotz";

  /** Other texts with the captured text's rare word, each its own. */
  static final int NOTES = 12;

  private SearchService search;
  private Javalin app;
  private String base;

  /** Indexes {@code corpus} into this backend and opens its search service. */
  abstract SearchService open(Path corpus) throws Exception;

  /** The backend's name, as /api/health reports it. */
  abstract String backend();

  @BeforeAll
  void start() throws Exception {
    Path corpus = Files.createTempDirectory("sandiq-contract").resolve("corpus");
    copyTree(Fixtures.shippedCorpus(), corpus);
    Files.copy(corpus.resolve(SEED), corpus.resolve(SEED_COPY));
    // A page many times captured, whose copies outrank every other text with its word, as in a
    // web archive's repeated crawls.
    Path echoes = Files.createDirectories(corpus.resolve("echoes"));
    for (int i = 0; i < CAPTURES; i++) {
      Files.writeString(
          echoes.resolve("capture-" + i + ".txt"),
          "Quillwort census\n\nQuillwort, quillwort and more quillwort grow in the marsh.\n");
    }
    List<String> birds = List.of("heron", "bittern", "rail", "snipe", "curlew", "plover");
    for (int i = 0; i < NOTES; i++) {
      Files.writeString(
          echoes.resolve("note-" + i + ".txt"),
          "Field note "
              + i
              + "\n\nBeside pond "
              + (i * 7 + 3)
              + " a "
              + birds.get(i % 6)
              + " stood among sedges, reeds and one quillwort, the walk numbered "
              + i
              + ".\n");
    }
    // Two pages of one site: a word only in the first page's menu, and in the second's article.
    Path portal = Files.createDirectories(corpus.resolve("portal"));
    Files.writeString(
        portal.resolve("harbour.html"),
        "<html><head><title>Harbour office</title></head><body><nav><ul>"
            + "<li><a href=/tides>Tide tables</a><li><a href=/wrack>"
            + MENU_ONLY_WORD
            + "</a><li><a href=/"
            + MENU_WORD
            + ">"
            + MENU_WORD
            + " archive</a></ul></nav><article><p>The harbour office opens at dawn; the pilots"
            + " meet the ferries at the outer mole and guide them past the sandbanks.</p>"
            + "</article></body></html>");
    Files.writeString(
        portal.resolve("guild.html"),
        "<html><head><title>The guild</title></head><body><article><p>The "
            + MENU_WORD
            + " guild kept the lamps of the coast burning through the winter storms of the"
            + " old century, and its keepers wrote every night in the log.</p></article>"
            + "</body></html>");
    Files.writeString(
        Files.createDirectories(corpus.resolve("minato")).resolve("minato.html"),
        "<html><head><title>港の記録</title></head><body><article><p>"
            + "港の事務所は毎朝早くに開き、水先案内人たちは外側の防波堤でフェリーを出迎えて、"
            + "砂州のあいだを慎重に案内している。冬の嵐が続いた年には、灯台守たちが毎晩の記録を"
            + "丁寧に書き残し、油の量やランプの状態や船の通過時刻をすべて帳面に記していた。"
            + "この地方の市場では谷でとれた果物が毎朝新鮮なまま並べられ、首都から来た商人たちが"
            + "競って買い付けていくのが昔からの習わしである。</p></article></body></html>");
    Files.writeString(
        Files.createDirectories(corpus.resolve("litany")).resolve("litany.txt"),
        "Litany of made-up words\n\n" + String.join(" ", LITANY) + ".\n");
    search = open(corpus);
    app = WebApp.create(search, new Corpus(corpus)::readRaw).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.stop();
    }
    if (search != null) {
      search.close();
    }
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  JsonNode json(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return JSON.readTree(response.body());
  }

  JsonNode search(String query, String more) throws Exception {
    return json("/api/search?q=" + q(query) + more);
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static List<String> ids(JsonNode response) {
    List<String> ids = new ArrayList<>();
    response.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
    return ids;
  }

  void assertError(String path, int status, String messagePart) throws Exception {
    HttpResponse<String> response = get(path);
    assertEquals(status, response.statusCode(), path + ": " + response.body());
    JsonNode body = JSON.readTree(response.body());
    assertEquals(1, body.size(), "one error shape: " + body);
    assertEquals(status, body.get("error").get("status").asInt());
    assertTrue(body.get("error").get("message").asText().contains(messagePart), body.toString());
  }

  @Test
  void healthNamesTheBackendAndCountsTheDocuments() throws Exception {
    JsonNode health = json("/api/health");
    assertEquals(backend(), health.get("backend").asText());
    assertTrue(Set.of("ok", "degraded").contains(health.get("status").asText()), health.toString());
    assertTrue(health.get("documents").asLong() > 500, health.toString());
  }

  @Test
  void oneNameInThreeScriptsFindsTheSeed() throws Exception {
    String seed = DocumentIds.of(SEED);
    for (String name : List.of("Khojaly", "Xocalı", "Ходжалы")) {
      JsonNode found = search(name, "&size=20");
      assertTrue(found.get("total").asLong() > 0, name);
      List<String> ids = ids(found);
      assertTrue(ids.contains(seed) || ids.contains(DocumentIds.of(SEED_COPY)), name + ": " + ids);
    }
    JsonNode hit = search("Khojaly", "").get("hits").get(0);
    assertTrue(hit.get("snippet").asText().contains("<mark>"), hit.toString());
    assertFalse(hit.get("snippet").asText().contains("<script"), hit.toString());
  }

  @Test
  void aWordSeenOnlyInAPagesMenuFindsThatPageBelowAnArticleWithIt() throws Exception {
    List<String> ids = ids(search(MENU_WORD, ""));
    String article = DocumentIds.of("portal/guild.html");
    String menu = DocumentIds.of("portal/harbour.html");
    assertEquals(List.of(article, menu), ids, "the article first, the page with the menu next");
    // A quoted word asks for the words of a text: a menu is none.
    assertEquals(List.of(article), ids(search("\"" + MENU_WORD + "\"", "")));
    // The menu's words are searched, not shown: the page's text is its article.
    String text = json("/api/doc/" + menu).get("text").asText();
    assertFalse(text.contains(MENU_WORD), text);
    // A word seen in a menu only finds that page first.
    JsonNode menuOnly = search(MENU_ONLY_WORD, "");
    assertEquals(menu, ids(menuOnly).get(0), menuOnly.toString());
  }

  @Test
  void aLongQueryWhoseRelaxedFormIsTooBigIsAnsweredAsTyped() throws Exception {
    // Fifty words, each probing about a dozen fields: within the clause limit as typed, over it
    // once relaxed (the strict words and the looser ones together). One text has them all, fewer
    // than a handful of hits, so the search tries to relax: it was refused with a 400.
    JsonNode found = search(String.join(" ", LITANY.subList(0, 50)), "");
    assertEquals(List.of(DocumentIds.of("litany/litany.txt")), ids(found), found.toString());
  }

  @Test
  void sentencesPastedFromAPageFindIt() throws Exception {
    // Japanese is cut into words by a dictionary, so a sentence taken from the middle of a run is
    // cut a little differently from the page: the strict form (every word) finds nothing, and the
    // strict and the any-word form together were over the clause limit, so the search gave up.
    // The any-word form alone is run then.
    String query = "ちは外側の防波堤でフェリーを出迎えて 灯台守たちが毎晩の記録を丁寧に書き残し" + " 首都から来た商人たちが競って買い付けていくのが昔からの習わしである";
    JsonNode found = search(query, "");
    assertEquals(DocumentIds.of("minato/minato.html"), ids(found).get(0), found.toString());
    assertEquals("any", found.get("relaxed").asText(), found.toString());
  }

  @Test
  void copiesOfOneTextAreOneHit() throws Exception {
    JsonNode found = search("Khojaly", "&size=50");
    String seed = DocumentIds.of(SEED);
    String copy = DocumentIds.of(SEED_COPY);
    List<String> ids = ids(found);
    assertTrue(ids.contains(seed) ^ ids.contains(copy), "exactly one copy shown: " + ids);
    for (JsonNode hit : found.get("hits")) {
      if (hit.get("id").asText().equals(seed) || hit.get("id").asText().equals(copy)) {
        assertEquals(1, hit.get("duplicates").asInt(), hit.toString());
      }
    }
  }

  @Test
  void aPageFillsPastManyCopiesOfOneText() throws Exception {
    JsonNode first = search("quillwort", "&size=10");
    assertEquals(CAPTURES + NOTES, first.get("total").asLong(), first.toString());
    List<String> shown = ids(first);
    assertEquals(10, shown.size(), "a full page of distinct texts: " + first);
    int collapsed = 0;
    for (JsonNode hit : first.get("hits")) {
      collapsed += hit.get("duplicates").asInt() == CAPTURES - 1 ? 1 : 0;
    }
    assertEquals(1, collapsed, "the captures are one hit: " + first);
    JsonNode next = search("quillwort", "&size=10&cursor=" + q(first.get("nextCursor").asText("")));
    List<String> rest = ids(next);
    assertEquals(NOTES + 1 - 10, rest.size(), next.toString());
    assertTrue(rest.stream().noneMatch(shown::contains), shown + " then " + rest);
    assertEquals(new HashSet<>(rest), new HashSet<>(ids(search("quillwort", "&size=10&page=2"))));
  }

  @Test
  void theQueryLanguageNarrowsAndWidens() throws Exception {
    long one = search("people", "").get("total").asLong();
    long both = search("people said", "").get("total").asLong();
    long either = search("people OR said", "").get("total").asLong();
    long without = search("people -said", "").get("total").asLong();
    assertTrue(one > 0 && both > 0, one + " " + both);
    assertTrue(both <= one && either >= one, both + " " + one + " " + either);
    assertEquals(one, both + without, "exclusion splits the matches");
    long phrase = search("\"prime minister\"", "").get("total").asLong();
    assertTrue(phrase > 0 && phrase <= search("prime minister", "").get("total").asLong());
    assertTrue(search("peop*", "").get("total").asLong() >= one);
    JsonNode az = search("people lang:en", "&size=20");
    az.get("hits").forEach(hit -> assertEquals("en", hit.get("lang").asText(), hit.toString()));
    JsonNode english = search("people", "&lang=en&size=20");
    english.get("hits").forEach(h -> assertEquals("en", h.get("lang").asText(), h.toString()));
    JsonNode old = search("people", "&to=2000-01-01&size=20");
    old.get("hits")
        .forEach(
            hit ->
                assertTrue(
                    hit.get("date").isNull()
                        || hit.get("date").asText().compareTo("2000-01-02") < 0,
                    hit.toString()));
    JsonNode typo = search("peeople~", "");
    assertTrue(typo.get("total").asLong() > 0, typo.toString());
  }

  @Test
  void facetsCountEveryMatchAndStaySideways() throws Exception {
    JsonNode all = json("/api/facets?q=" + q("people"));
    long total = all.get("total").asLong();
    long byLang = 0;
    for (JsonNode value : all.get("facets").get("lang")) {
      byLang += value.get("count").asLong();
    }
    assertEquals(total, byLang, all.toString());
    JsonNode az = json("/api/facets?q=&lang=az");
    JsonNode everything = json("/api/facets?q=");
    assertTrue(az.get("total").asLong() < everything.get("total").asLong(), az.toString());
    assertEquals(
        everything.get("facets").get("lang"),
        az.get("facets").get("lang"),
        "the lang filter leaves the lang counts as they were");
    JsonNode searched = search("people", "&facets=true");
    assertEquals(total, searched.get("total").asLong());
    assertEquals(all.get("facets").get("site"), searched.get("facets").get("site"));
  }

  @Test
  void theHistogramCountsPerPeriodWithTheArchiveTotals() throws Exception {
    JsonNode counted = json("/api/facets?q=" + q("people") + "&interval=year");
    JsonNode buckets = counted.get("histogram").get("buckets");
    assertTrue(buckets.size() > 0, counted.toString());
    long inBuckets = 0;
    for (JsonNode bucket : buckets) {
      assertTrue(bucket.get("count").asLong() <= bucket.get("total").asLong(), bucket.toString());
      inBuckets += bucket.get("count").asLong();
    }
    long years = 0;
    for (JsonNode year : counted.get("facets").get("year")) {
      years += year.get("count").asLong();
    }
    assertTrue(inBuckets >= years, inBuckets + " < " + years);
    assertError("/api/facets?q=x&interval=week", 400, "interval");
  }

  @Test
  void cursorsWalkTheSameHitsAsPages() throws Exception {
    List<String> byPages = new ArrayList<>();
    for (int page = 1; page <= 4; page++) {
      byPages.addAll(ids(search("said", "&size=5&page=" + page)));
    }
    List<String> byCursor = new ArrayList<>();
    String cursor = null;
    for (int page = 1; page <= 4; page++) {
      JsonNode response =
          search("said", "&size=5" + (cursor == null ? "" : "&cursor=" + q(cursor)));
      byCursor.addAll(ids(response));
      cursor = response.get("nextCursor").asText(null);
      assertNotNull(cursor, "more pages: " + response);
    }
    assertEquals(byPages, byCursor);
    assertEquals(byPages.size(), new HashSet<>(byPages).size(), "no hit twice");
    JsonNode newest = search("said", "&sort=newest&size=10");
    String previous = "9999";
    for (JsonNode hit : newest.get("hits")) {
      if (!hit.get("date").isNull()) {
        assertTrue(hit.get("date").asText().compareTo(previous) <= 0, newest.toString());
        previous = hit.get("date").asText();
      }
    }
  }

  @Test
  void badRequestsAre400sInOneShape() throws Exception {
    assertError("/api/search?q=x&size=1000", 400, "size");
    assertError("/api/search?q=x&page=100000", 400, "page");
    assertError("/api/search?q=x&cursor=nonsense", 400, "cursor");
    assertError("/api/search?q=" + q("\"unclosed"), 400, "quote");
    assertError("/api/search?q=" + q("a*"), 400, "letters");
    assertError("/api/search?q=x&sort=sideways", 400, "sort");
    assertError("/api/search?q=x&lang=xx", 400, "lang");
    assertError("/api/doc/" + q("no-such-document"), 404, "no document");
  }

  @Test
  void documentsSimilarSuggestAndExport() throws Exception {
    String seed = DocumentIds.of(SEED);
    JsonNode doc = json("/api/doc/" + seed);
    assertTrue(doc.get("text").asText().contains("Khojaly"), doc.toString());
    assertEquals(1, doc.get("duplicates").size(), doc.toString());
    JsonNode similar = json("/api/doc/" + seed + "/similar");
    assertTrue(similar.isArray() || similar.has("hits"), similar.toString());
    JsonNode completions = json("/api/suggest?q=" + q("khoj"));
    assertTrue(completions.toString().contains("Khojaly"), completions.toString());
    HttpResponse<String> export = get("/api/export?format=jsonl&q=" + q("Khojaly"));
    assertEquals(200, export.statusCode());
    long lines = export.body().lines().filter(l -> !l.isBlank()).count();
    assertEquals(json("/api/facets?q=" + q("Khojaly")).get("total").asLong(), lines);
  }

  @Test
  void rawSourcesCapturesTimeMapsAndMetrics() throws Exception {
    HttpResponse<String> raw = get("/api/doc/" + DocumentIds.of(SEED) + "/raw");
    assertEquals(200, raw.statusCode());
    assertTrue(raw.body().contains("Khojaly"));
    JsonNode captures = search("url:example.com", "");
    assertTrue(captures.get("total").asLong() > 0, captures.toString());
    captures
        .get("hits")
        .forEach(
            hit -> assertTrue(hit.get("url").asText().contains("example.com"), hit.toString()));
    HttpResponse<String> timemap = get("/timemap/link/http://example.com/");
    assertEquals(200, timemap.statusCode(), timemap.body());
    assertTrue(timemap.body().contains("rel=\"original\""), timemap.body());
    assertEquals(404, get("/timemap/link/http://example.com/never-captured").statusCode());
    HttpResponse<String> metrics = get("/metrics");
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("sandiq_documents"), metrics.body());
  }

  @Test
  void aMisspellingGetsASuggestion() throws Exception {
    JsonNode response = search("xankendi", "");
    assertTrue(response.get("total").asLong() > 0);
    assertEquals("xankəndi", response.get("suggestion").asText(), response.toString());
  }
}
