package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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

/** Search over a real index on disk, built from real documents of the shipped corpus. */
class SearchTest {
  @TempDir static Path dir;
  static LanguageAnalyzers analyzers;
  static LuceneSearchService search;

  static final String SEED = "seed/000_7171e9ebea0e3f35.txt";
  static final String AZ_BREXIT = "ntrex/az/bbc.381680.txt";
  static final String TR_BREXIT = "ntrex/tr/bbc.381680.txt";
  static final String EN_WARREN = "ntrex/en/abcnews.306755.txt";
  static final String RU_BREXIT = "ntrex/ru/bbc.381680.txt";

  @BeforeAll
  static void buildIndex() throws Exception {
    Path corpus = dir.resolve("corpus");
    for (String file : List.of(SEED, AZ_BREXIT, TR_BREXIT, EN_WARREN, RU_BREXIT)) {
      Fixtures.copyShipped(corpus, file, file);
    }
    Fixtures.write(
        corpus,
        "tr/istanbul.txt",
        "İSTANBUL'DA BİR GÜN\n\nİstanbul Boğazı'nda sabah vapurları kalabalıktır ve şehir erkenden"
            + " uyanır.");
    Fixtures.write(
        corpus,
        "az/cilingir.txt",
        "Çilingir ustası\n\nÇilingir usta köhnə qıfılları təmir edir və açarlar düzəldir.");
    Fixtures.write(
        corpus,
        "az/cilingir-ascii.txt",
        "Usta haqqinda\n\nBu meqalede cilingir ustasinin isinden danisilir, qifillar ve acarlar.");
    Fixtures.write(
        corpus,
        "az/park.txt",
        "Bakıda yeni park\n\nBakıda yeni park açıldı. Şəhər sakinləri parkda gəzməyi sevirlər və"
            + " uşaqlar burada oynayırlar. Park çox gözəldir və hər gün səhərdən axşama qədər"
            + " açıqdır.\n\nThe mayor said that the city keeps running new projects for children"
            + " and families every single year.");
    Fixtures.write(
        corpus,
        "de/koeln.txt",
        "Die Straßenbahn in Köln\n\nDie Straßenbahn fährt jeden Morgen durch die Altstadt von"
            + " Köln, und die Bäcker öffnen früh ihre Läden für die Nachbarn aus der ganzen"
            + " Straße.");
    Fixtures.write(
        corpus,
        "html/xss.html",
        "<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; Baku</title></head>"
            + "<body><p>Baku &lt;img src=x onerror=alert(1)&gt; old city walls</p></body></html>");
    assertTrue(Fixtures.reindex(corpus, dir.resolve("index"), false).succeeded());
    analyzers = new LanguageAnalyzers();
    search = new LuceneSearchService(dir.resolve("index"), new FieldAnalyzers(analyzers));
  }

  @AfterAll
  static void close() throws Exception {
    search.close();
    analyzers.close();
  }

  static Set<String> ids(String query) {
    return search.search(new SearchRequest(query, null, 1, 50)).hits().stream()
        .map(SearchResponse.Hit::id)
        .collect(Collectors.toSet());
  }

  static String id(String file) {
    return DocumentIds.of(file);
  }

  @Test
  void xankendiInEverySpellingFindsTheSeed() {
    for (String q : List.of("Xankəndi", "XANKƏNDİ", "xankendi")) {
      assertTrue(ids(q).contains(id(SEED)), q);
    }
  }

  @Test
  void ingiltereInEverySpellingFindsTheAzerbaijaniNews() {
    for (String q : List.of("İngiltərə", "ingiltərə", "INGILTERE")) {
      assertTrue(ids(q).contains(id(AZ_BREXIT)), q);
    }
  }

  @Test
  void istanbulMatchesInTurkishWhateverTheCase() {
    String doc = id("tr/istanbul.txt");
    for (String q : List.of("İstanbul", "istanbul", "ISTANBUL", "İSTANBUL")) {
      assertTrue(ids(q).contains(doc), q);
    }
  }

  @Test
  void englishRunningFindsRun() {
    // The article says "run for president" as well as "running"; "runs" finds it only by stem.
    SearchResponse response = search.search(SearchRequest.of("runs"));
    assertTrue(
        response.hits().stream().anyMatch(h -> h.id().equals(id(EN_WARREN))),
        "stemming: runs -> run");
    assertTrue(ids("running").contains(id(EN_WARREN)));
  }

  @Test
  void aStemMatchInAPassageOfAnotherLanguageIsMarked() {
    // The park story is Azerbaijani with an English paragraph: "runs" matches it only through the
    // English field of that paragraph, and the snippet marks the word there as it does in an
    // English document.
    SearchResponse response = search.search(SearchRequest.of("runs"));
    SearchResponse.Hit park =
        response.hits().stream()
            .filter(h -> h.id().equals(id("az/park.txt")))
            .findFirst()
            .orElseThrow();
    assertEquals("az", park.lang());
    assertTrue(park.snippet().contains("<mark>running</mark>"), park.snippet());
    SearchResponse.Hit warren =
        response.hits().stream()
            .filter(h -> h.id().equals(id(EN_WARREN)))
            .findFirst()
            .orElseThrow();
    assertTrue(warren.snippet().contains("<mark>run"), warren.snippet());
  }

  @Test
  void textInALanguageWithoutRulesIsFoundAndMarkedThroughTheNeutralFields() {
    // German has no fields of its own: the folded field holds its words, case and accents
    // folded, so any spelling finds it and the snippet marks the word as written.
    String doc = id("de/koeln.txt");
    for (String q : List.of("Köln", "koln", "KÖLN", "Straßenbahn", "strassenbahn")) {
      SearchResponse.Hit hit =
          search.search(SearchRequest.of(q)).hits().stream()
              .filter(h -> h.id().equals(doc))
              .findFirst()
              .orElseThrow(() -> new AssertionError(q + " does not find the German text"));
      assertEquals("und", hit.lang());
      assertTrue(hit.snippet().contains("<mark>"), q + ": " + hit.snippet());
      assertTrue(hit.titleHtml().contains("<mark>"), q + ": " + hit.titleHtml());
    }
    assertTrue(ids("\"fährt jeden Morgen\"").contains(doc), "phrases run on the folded field");
  }

  @Test
  void exactSpellingRanksAboveAsciiSpelling() {
    List<SearchResponse.Hit> hits = search.search(SearchRequest.of("Çilingir")).hits();
    assertEquals(id("az/cilingir.txt"), hits.get(0).id());
    assertTrue(hits.stream().anyMatch(h -> h.id().equals(id("az/cilingir-ascii.txt"))));
  }

  @Test
  void allWordsMustMatchAndPhrasesAndExclusionWork() {
    assertTrue(ids("Khojaly genocide").contains(id(SEED)));
    SearchResponse both = search.search(SearchRequest.of("Khojaly Brexit"));
    assertEquals("any", both.relaxed(), "no document has both words: relaxed to any word");
    assertTrue(
        both.hits().stream().anyMatch(h -> h.id().equals(id(SEED))),
        "the relaxed search finds documents with either word");
    assertTrue(ids("Khojaly OR Brexit").contains(id(SEED)));
    assertTrue(ids("\"Khojaly genocide\"").contains(id(SEED)));
    assertFalse(ids("\"genocide Khojaly city\"").contains(id(SEED)));
    assertFalse(ids("Khojaly -genocide").contains(id(SEED)));
    assertTrue(ids("Khoja*").contains(id(SEED)));
    assertTrue(ids("Khojaliy~").contains(id(SEED)));
  }

  @Test
  void quotesAskForTheWordsThemselvesWhereBareWordsAlsoMatchOtherForms() {
    assertTrue(ids("armed force").contains(id(SEED)), "bare words match their stems");
    assertTrue(ids("\"armed forces\"").contains(id(SEED)));
    assertFalse(
        ids("\"armed force\"").contains(id(SEED)),
        "a quoted phrase is these words in this order, not other forms of them");
    assertTrue(ids("\"ARMED FORCES\"").contains(id(SEED)), "case still folds in a phrase");
    assertTrue(ids("title:\"Çilingir ustası\"").contains(id("az/cilingir.txt")));
    assertFalse(ids("title:\"Çilingir usta\"").contains(id("az/cilingir.txt")));
  }

  @Test
  void responseCarriesTotalsFacetsAndMarkedSnippets() {
    SearchResponse response = search.search(new SearchRequest("Brexit", null, 1, 2));
    assertEquals(3, response.total(), "az, tr and ru Brexit articles");
    assertEquals(2, response.hits().size());
    Map<String, Long> langs =
        response.facets().get("lang").stream()
            .collect(
                Collectors.toMap(
                    SearchResponse.FacetValue::value, SearchResponse.FacetValue::count));
    assertEquals(Map.of("az", 1L, "tr", 1L, "ru", 1L), langs);
    assertEquals(List.of(new SearchResponse.FacetValue("ntrex", 3)), response.facets().get("site"));
    for (SearchResponse.Hit hit : response.hits()) {
      assertTrue(hit.snippet().contains("<mark>Brexit"), hit.snippet());
    }
    SearchResponse page2 = search.search(new SearchRequest("Brexit", null, 2, 2));
    assertEquals(1, page2.hits().size());
  }

  @Test
  void langFilterNarrowsResults() {
    SearchResponse response = search.search(new SearchRequest("Brexit", "tr", 1, 10));
    assertEquals(1, response.total());
    assertEquals(id(TR_BREXIT), response.hits().get(0).id());
    assertEquals("tr", response.hits().get(0).lang());
  }

  @Test
  void snippetsAreEscapedSoMarkupInDocumentsStaysText() {
    SearchResponse.Hit hit = search.search(SearchRequest.of("walls")).hits().get(0);
    assertTrue(hit.snippet().contains("&lt;img src=x onerror=alert(1)&gt;"), hit.snippet());
    assertFalse(hit.snippet().replace("<mark>", "").replace("</mark>", "").contains("<"));
    assertEquals(
        "<script>alert(1)</script> Baku", hit.title(), "titles are data; the page escapes");
  }

  @Test
  void emptyQueryBrowsesEveryDocument() {
    assertEquals(search.documentCount(), search.search(SearchRequest.of("  ")).total());
    assertEquals(11, search.documentCount());
  }

  @Test
  void badRequestsAreRejectedWithAMessage() {
    assertTrue(
        assertThrows(
                InvalidRequestException.class, () -> search.search(SearchRequest.of("\"Xocalı")))
            .getMessage()
            .contains("unbalanced quote at position 1"));
    assertTrue(
        assertThrows(
                InvalidRequestException.class, () -> search.search(SearchRequest.of("(a OR b")))
            .getMessage()
            .contains("parenthesis"));
    assertThrows(InvalidRequestException.class, () -> search.search(SearchRequest.of("*foo")));
    assertThrows(
        InvalidRequestException.class, () -> search.search(new SearchRequest("x", "xx", 1, 10)));
    assertThrows(
        InvalidRequestException.class, () -> search.search(new SearchRequest("x", null, 0, 10)));
    assertThrows(
        InvalidRequestException.class, () -> search.search(new SearchRequest("x", null, 1, 101)));
    assertThrows(
        InvalidRequestException.class, () -> search.search(new SearchRequest("x", null, 200, 100)));
  }

  @Test
  void syntaxWeDoNotOfferIsSearchedAsText() {
    // Field names, regular expressions and ranges are not query syntax here.
    assertTrue(ids("www.justiceforkhojaly.org").contains(id(SEED)));
    search.search(SearchRequest.of("http://www.justiceforkhojaly.org/ [a TO b] x^2 !y"));
  }

  @Test
  void documentByIdAndUnknownId() {
    StoredDocument doc = search.document(id(SEED)).orElseThrow();
    assertEquals(SEED, doc.source());
    assertEquals("en", doc.lang());
    assertTrue(doc.text().contains("Xankəndi"));
    assertTrue(search.document("0000000000000000").isEmpty());
  }
}
