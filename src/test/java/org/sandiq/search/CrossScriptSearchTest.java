package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * Names across scripts and transliterations: a document written with one spelling is found by the
 * others, through the folded and cross-script fields.
 */
class CrossScriptSearchTest {
  @TempDir static Path dir;
  static LanguageAnalyzers analyzers;
  static LuceneSearchService search;

  /** One document per spelling of Khojaly, each in the language that spells it so. */
  static final Map<String, String> KHOJALY =
      Map.of(
          "Ходжалы",
          "ru/khojaly.txt",
          "Khojaly",
          "en/khojaly.txt",
          "Xocalı",
          "az/khojaly.txt",
          "Hocalı",
          "tr/khojaly.txt");

  @BeforeAll
  static void buildIndex() throws Exception {
    Path corpus = dir.resolve("corpus");
    Fixtures.write(
        corpus,
        "ru/khojaly.txt",
        "Память\n\nВ феврале 1992 года в Ходжалы погибли сотни мирных жителей, их помнят каждый год.");
    Fixtures.write(
        corpus,
        "en/khojaly.txt",
        "Remembrance\n\nIn February 1992 hundreds of civilians were killed in Khojaly, and the town"
            + " is remembered every year.");
    Fixtures.write(
        corpus,
        "az/khojaly.txt",
        "Xatirə\n\n1992-ci ilin fevralında Xocalı şəhərində yüzlərlə dinc sakin həlak olub, onları"
            + " hər il anırlar.");
    Fixtures.write(
        corpus,
        "tr/khojaly.txt",
        "Anma\n\n1992 yılının şubat ayında Hocalı kasabasında yüzlerce sivil hayatını kaybetti ve"
            + " her yıl anılıyor.");
    Fixtures.write(
        corpus,
        "az/aliyev.txt",
        "Müsahibə\n\nƏliyev müsahibədə yeni layihələrdən danışıb və suallara cavab verib.");
    Fixtures.write(
        corpus,
        "en/garden.txt",
        "Gardens\n\nThe old garden behind the library is open to visitors in spring and summer.");
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

  @Test
  void eachSpellingOfKhojalyFindsTheDocumentsWrittenWithTheOthers() {
    Set<String> all = KHOJALY.values().stream().map(DocumentIds::of).collect(Collectors.toSet());
    for (String spelling : KHOJALY.keySet()) {
      assertEquals(all, ids(spelling), spelling);
    }
  }

  @Test
  void theDocumentWithTheQueriedSpellingRanksFirst() {
    for (var entry : KHOJALY.entrySet()) {
      List<SearchResponse.Hit> hits = search.search(SearchRequest.of(entry.getKey())).hits();
      assertEquals(DocumentIds.of(entry.getValue()), hits.get(0).id(), entry.getKey());
    }
  }

  @Test
  void theSnippetMarksTheNameInTheDocumentsOwnSpelling() {
    SearchResponse.Hit english =
        search.search(SearchRequest.of("Ходжалы")).hits().stream()
            .filter(h -> h.id().equals(DocumentIds.of("en/khojaly.txt")))
            .findFirst()
            .orElseThrow();
    assertTrue(english.snippet().contains("<mark>Khojaly</mark>"), english.snippet());
  }

  @Test
  void schwaTypedAsEOrAFindsTheRealSpelling() {
    Set<String> aliyev = Set.of(DocumentIds.of("az/aliyev.txt"));
    for (String form : List.of("Əliyev", "Eliyev", "Aliyev", "ALIYEV")) {
      assertEquals(aliyev, ids(form), form);
    }
  }

  @Test
  void phrasesWorkAcrossTheFields() {
    assertEquals(Set.of(DocumentIds.of("en/khojaly.txt")), ids("\"civilians were killed\""));
    assertEquals(Set.of(DocumentIds.of("az/khojaly.txt")), ids("\"Xocali şəhərində\""));
  }

  @Test
  void anOrdinaryWordDoesNotPullInUnrelatedDocuments() {
    assertEquals(Set.of(DocumentIds.of("en/garden.txt")), ids("garden"));
  }
}
