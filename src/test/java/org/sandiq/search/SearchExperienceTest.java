package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.ingest.DocumentIds;
import org.sandiq.testing.Fixtures;

/** Filters, facets, sorting, paging, duplicates, captures, suggestions: the search experience. */
class SearchExperienceTest {
  @TempDir static Path dir;
  static LanguageAnalyzers analyzers;
  static LuceneSearchService search;

  static String page(String url, String date, String title, String body) {
    return "<html lang=\"en\"><head><title>"
        + title
        + "</title><link rel=\"canonical\" href=\""
        + url
        + "\"><meta property=\"article:published_time\" content=\""
        + date
        + "\"></head><body><article><h1>"
        + title
        + "</h1><p>"
        + body
        + "</p></article></body></html>";
  }

  @BeforeAll
  static void buildIndex() throws Exception {
    Path corpus = dir.resolve("corpus");
    String[][] pages = {
      {
        "a.html",
        "https://news.example.com/tea",
        "2019-05-01",
        "Tea harvest in Lankaran",
        "The tea harvest in Lankaran began early this year as the rains came on time."
      },
      {
        "b.html",
        "https://news.example.com/tea",
        "2021-06-01",
        "Tea harvest in Lankaran",
        "The tea harvest in Lankaran was larger than last year, farmers said."
      },
      {
        "c.html",
        "https://daily.example.org/caravan",
        "2020-03-10",
        "The caravan road",
        "Caravans crossed Sheki on the old silk road, trading tea and silk."
      },
      {
        "d.html",
        "https://daily.example.org/silk",
        "2022-01-15",
        "Silk of Sheki",
        "Sheki silk was famous across the old world; tea was traded beside it."
      },
      {
        "copy1.txt",
        null,
        null,
        null,
        "Mirror one\n\nThe mirrored article about Ganja carpets and their weavers."
      },
      {
        "copy2.txt",
        null,
        null,
        null,
        "Mirror one\n\nThe mirrored article about Ganja carpets and their weavers."
      },
      {
        "az.txt",
        null,
        null,
        null,
        "Soyqırımı haqqında\n\nXocalı soyqırımı 1992-ci ildə baş verib. Soyqırımı qurbanları"
            + " anılır."
      },
      {
        "printer.txt",
        null,
        null,
        null,
        "Printer notes\n\nRead the INFO page of the PRINTER DRIVER before INSTALLING it on the"
            + " office computer."
      },
      {
        "khojaly.txt",
        null,
        null,
        null,
        "Khojaly remembered\n\nKhojaly is remembered every February by the community."
      },
    };
    for (String[] p : pages) {
      String content = p[1] == null ? p[4] : page(p[1], p[2], p[3], p[4]);
      Fixtures.write(corpus, p[0], content);
    }
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      Fixtures.write(
          corpus,
          "many/m" + (i < 10 ? "0" : "") + i + ".txt",
          "Pomegranate note "
              + i
              + "\n\nPomegranate festival report number "
              + i
              + " from Goychay.");
    }
    // A word seen in a page's menu only, a letter from a word of the texts.
    Fixtures.write(
        corpus,
        "shop/menu.html",
        "<html><body><nav><ul><li><a href=/a>Pilotz</a><li><a href=/b>Home</a></ul></nav>"
            + "<article><p>The harbour pilots of Baku guide the tankers past the shallows, day"
            + " and night, in every weather the Caspian brings.</p></article></body></html>");
    assertTrue(Fixtures.reindex(corpus, dir.resolve("index"), false).succeeded());
    analyzers = new LanguageAnalyzers();
    search = new LuceneSearchService(dir.resolve("index"), new FieldAnalyzers(analyzers));
  }

  @AfterAll
  static void close() throws Exception {
    search.close();
    analyzers.close();
  }

  static SearchResponse run(String q) {
    return search.search(SearchRequest.of(q));
  }

  static SearchResponse run(
      String q,
      String lang,
      String site,
      LocalDate from,
      LocalDate to,
      SearchRequest.SortOrder sort) {
    return search.search(new SearchRequest(q, lang, site, from, to, sort, 1, 10, null));
  }

  static Set<String> titles(SearchResponse r) {
    return r.hits().stream().map(SearchResponse.Hit::title).collect(Collectors.toSet());
  }

  static Map<String, Long> facet(SearchResponse r, String dim) {
    return r.facets().get(dim).stream()
        .collect(
            Collectors.toMap(SearchResponse.FacetValue::value, SearchResponse.FacetValue::count));
  }

  @Test
  void fieldSyntaxInTheQuery() {
    assertEquals(Set.of("Silk of Sheki"), titles(run("title:silk")));
    assertEquals(2, run("tea site:daily.example.org").total());
    assertEquals(2, run("tea -site:daily.example.org").total());
    assertEquals(0, run("tea lang:ru").total());
    assertEquals(Set.of("Silk of Sheki", "Tea harvest in Lankaran"), titles(run("tea after:2021")));
    assertEquals(Set.of("Tea harvest in Lankaran"), titles(run("tea before:2020")));
    assertEquals(2, run("tea after:2020-01-01 before:2022").total());
    assertThrows(InvalidRequestException.class, () -> run("tea after:yesterday"));
    assertThrows(InvalidRequestException.class, () -> run("lang:xx"));
    assertEquals(1, run("\"caravans crossed sheki\"").total());
    assertEquals(1, run("\"caravans sheki\"~2").total());
    assertEquals(0, run("\"caravans sheki\"").total());
  }

  @Test
  void filtersAndFacetsThatHonourTheOtherFilters() {
    SearchResponse all = run("tea", null, null, null, null, null);
    assertEquals(4, all.total());
    assertEquals(Map.of("news.example.com", 2L, "daily.example.org", 2L), facet(all, "site"));
    assertEquals(Map.of("2019", 1L, "2020", 1L, "2021", 1L, "2022", 1L), facet(all, "year"));

    SearchResponse oneSite = run("tea", null, "daily.example.org", null, null, null);
    assertEquals(2, oneSite.total());
    // The site facet still counts the other site: drill sideways.
    assertEquals(Map.of("news.example.com", 2L, "daily.example.org", 2L), facet(oneSite, "site"));
    // Other dimensions follow the filter.
    assertEquals(Map.of("2020", 1L, "2022", 1L), facet(oneSite, "year"));

    SearchResponse dated =
        run("tea", null, null, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31), null);
    assertEquals(2, dated.total());
    assertThrows(
        InvalidRequestException.class,
        () -> run("tea", null, null, LocalDate.of(2022, 1, 1), LocalDate.of(2021, 1, 1), null));
  }

  @Test
  void sortByDate() {
    List<String> newest =
        run("tea", null, null, null, null, SearchRequest.SortOrder.NEWEST).hits().stream()
            .map(h -> h.date().substring(0, 4))
            .toList();
    // a.html (2019) and b.html (2021) are two captures of one URL: one hit per URL on a page,
    // the capture that comes first in the order asked for.
    assertEquals(List.of("2022", "2021", "2020"), newest);
    List<String> oldest =
        run("tea", null, null, null, null, SearchRequest.SortOrder.OLDEST).hits().stream()
            .map(h -> h.date().substring(0, 4))
            .toList();
    assertEquals(List.of("2019", "2020", "2022"), oldest);
    assertEquals(
        2,
        run("tea", null, null, null, null, SearchRequest.SortOrder.OLDEST)
            .hits()
            .get(0)
            .captures());
  }

  @Test
  void cursorPagesThroughEveryHitOnce() {
    Set<String> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      SearchResponse r =
          search.search(
              new SearchRequest("pomegranate", null, null, null, null, null, 1, 10, cursor));
      r.hits().forEach(h -> order.add(h.id()));
      r.hits().forEach(h -> assertTrue(seen.add(h.id()), "no hit twice"));
      cursor = r.nextCursor();
      pages++;
    } while (cursor != null && pages < 10);
    assertEquals(25, seen.size());
    assertEquals(3, pages);
    assertThrows(
        InvalidRequestException.class,
        () ->
            search.search(new SearchRequest("x", null, null, null, null, null, 1, 10, "garbage!")));
    // Page numbers give the same order as the cursor.
    SearchResponse page2 = search.search(new SearchRequest("pomegranate", null, 2, 10));
    assertEquals(order.subList(10, 20), page2.hits().stream().map(SearchResponse.Hit::id).toList());
  }

  @Test
  void exactCopiesCollapseIntoOneHit() {
    SearchResponse r = run("carpets");
    assertEquals(2, r.total(), "both copies match");
    assertEquals(1, r.hits().size(), "one hit per text");
    assertEquals(1, r.hits().get(0).duplicates());
    StoredDocument doc = search.document(r.hits().get(0).id()).orElseThrow();
    assertEquals(1, doc.duplicates().size());
  }

  @Test
  void capturesOfOneUrlFormATimeline() {
    StoredDocument doc = search.document(DocumentIds.of("a.html")).orElseThrow();
    assertEquals(2, doc.captures().size());
    assertTrue(doc.captures().get(0).date().startsWith("2019"));
    assertTrue(doc.captures().get(1).date().startsWith("2021"));
    assertTrue(search.document(DocumentIds.of("c.html")).orElseThrow().captures().isEmpty());
  }

  @Test
  void similarDocumentsExcludeTheDocumentAndItsCopies() {
    List<SearchResponse.Hit> similar = search.similar(DocumentIds.of("c.html"), 5).orElseThrow();
    assertFalse(similar.isEmpty());
    assertEquals("Silk of Sheki", similar.get(0).title());
    assertTrue(similar.stream().noneMatch(h -> h.id().equals(DocumentIds.of("c.html"))));
    assertTrue(search.similar("0000000000000000", 5).isEmpty());
  }

  @Test
  void didYouMeanRestoresDiacriticsAndFixesTypos() {
    SearchResponse ascii = run("soyqirimi");
    assertTrue(ascii.total() > 0, "folding finds it anyway");
    assertEquals("soyqırımı", ascii.suggestion());
    assertEquals("Khojaly", run("Khojali").suggestion());
    assertNull(run("Khojaly").suggestion(), "no suggestion for a word spelled as in the archive");
    assertNull(run("tea").suggestion());
    // "mirror" is only in a title ("Mirror one"); the texts say "mirrored".
    assertNull(run("mirror").suggestion(), "a title's word is spelled as in the archive");
    // "pilotz" is in a page's menu only: found there, and no "pilots" offered for it.
    SearchResponse menu = run("pilotz");
    assertTrue(menu.total() > 0);
    assertNull(menu.suggestion(), "a menu's word is spelled as in the archive");
  }

  @Test
  void didYouMeanLowerCasesAsTheDocumentsLanguageDoes() {
    // The archive spells it in capitals only, in an English text: its I is a dotted i.
    assertEquals("installing", run("instaling").suggestion());
    assertEquals("Installing", run("Instaling").suggestion());
  }

  @Test
  void relaxedToAnyWordThenFuzzy() {
    SearchResponse any = run("Lankaran caravan");
    assertEquals("any", any.relaxed());
    assertTrue(any.total() >= 3);
    SearchResponse silk = run("Sheki silk famous");
    assertEquals("any", silk.relaxed());
    assertEquals("Silk of Sheki", silk.hits().get(0).title(), "the document with every word first");
    SearchResponse fuzzy = run("Lankaxan");
    assertEquals("fuzzy", fuzzy.relaxed());
    assertTrue(fuzzy.total() >= 2);
    assertNull(run("tea").relaxed());
  }

  @Test
  void titlesAndSnippetsAreMarked() {
    SearchResponse.Hit hit = run("title:silk").hits().get(0);
    assertEquals("<mark>Silk</mark> of Sheki", hit.titleHtml());
    SearchResponse.Hit text = run("famous silk").hits().get(0);
    assertTrue(
        text.snippet().contains("<mark>silk</mark> was <mark>famous</mark>"), text.snippet());
    assertEquals("Silk of Sheki", run("famous").hits().get(0).titleHtml(), "nothing to mark");
  }

  @Test
  void autocompleteFromTitlesIgnoringDiacritics() {
    List<String> out = search.complete("soyq", 8);
    assertTrue(out.contains("Soyqırımı"), out.toString());
    assertTrue(search.complete("lank", 8).stream().anyMatch(s -> s.startsWith("Lankaran")));
    assertTrue(search.complete("", 8).isEmpty());
  }
}
