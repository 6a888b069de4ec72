package org.sandiq.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sandiq.analysis.AnalyzerNames;
import org.sandiq.analysis.Language;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.analysis.Tokens;
import org.sandiq.analysis.Tokens.Token;
import org.sandiq.testing.OpenSearchCluster;
import org.sandiq.testing.SharedData;
import org.sandiq.testing.SharedOpenSearch;

/**
 * The same analysis gives the same tokens in both backends: every analyzer of the embedded index
 * (the app's classes on the app's Lucene) against OpenSearch's {@code _analyze} with the plugin's
 * analyzer of the same name (the same classes compiled for OpenSearch's Lucene), term by term with
 * positions and offsets, on the seed document and on Azerbaijani, Russian, Turkish and English
 * samples and the cross-script names.
 */
@ExtendWith(SharedOpenSearch.class)
class TokenParityIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LanguageAnalyzers EMBEDDED = new LanguageAnalyzers();
  private static OpenSearchCluster cluster;

  static final Map<String, String> SAMPLES = new LinkedHashMap<>();

  static {
    SAMPLES.put(
        "az",
        "Azərbaycan Respublikasının paytaxtı Bakı şəhəridir. XANKƏNDİ'də İlham Əliyev "
            + "torpaqlarımızı, üstünlüyümüzü və Qarabağ'ı xatırlatdı; soyqırımı 1992-ci ildə.");
    SAMPLES.put(
        "ru",
        "Ходжалинская трагедия произошла в феврале 1992 года; жители Ходжалы "
            + "бежали через горы к Агдаму. Әлијев — азербайджанская кириллица.");
    SAMPLES.put(
        "tr",
        "İstanbul'da yaşayan öğrencilerin kitaplarını IĞDIR'dan gelen çocuklar okudu; "
            + "Türkiye Büyük Millet Meclisi.");
    SAMPLES.put(
        "en",
        "The archives' documents were searched by researchers running Sandiq's indexes, "
            + "e-mail addresses and U.S.A. abbreviations included.");
    SAMPLES.put("names", "Khojaly Xocalı Ходжалы Hocalı Khodzhaly; Aliyev Əliyev Алиев Әлијев");
  }

  @BeforeAll
  static void cluster(OpenSearchCluster shared) {
    cluster = shared;
  }

  @AfterAll
  static void close() {
    EMBEDDED.close();
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String analyzer : embeddedByName().keySet()) {
      SAMPLES.forEach((sample, text) -> cases.add(Arguments.of(analyzer, sample)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void sampleAnalysesAlike(String analyzer, String sample) throws Exception {
    String text = SAMPLES.get(sample);
    assertEquals(embedded(analyzer, text), openSearch(analyzer, text), analyzer + " on " + sample);
  }

  @Test
  void seedDocumentAnalysesAlikeInEveryAnalyzer() throws Exception {
    String seed =
        Files.readString(SharedData.file("seed/000_7171e9ebea0e3f35.txt"), StandardCharsets.UTF_8);
    for (String analyzer : embeddedByName().keySet()) {
      List<Token> embedded = embedded(analyzer, seed);
      assertEquals(embedded, openSearch(analyzer, seed), analyzer + " on the seed document");
    }
  }

  @Test
  void crossScriptNamesAreOneTermInOpenSearch() throws Exception {
    List<String> keys =
        openSearch(AnalyzerNames.CROSS_SCRIPT, "Khojaly Xocalı Ходжалы").stream()
            .map(Token::term)
            .distinct()
            .toList();
    assertEquals(1, keys.size(), "Khojaly, Xocalı and Ходжалы share one key: " + keys);
  }

  /** The embedded index's analyzers by their OpenSearch name. */
  private static Map<String, Analyzer> embeddedByName() {
    Map<String, Analyzer> byName = new LinkedHashMap<>();
    for (Language language : Language.values()) {
      byName.put(AnalyzerNames.of(language), EMBEDDED.forLanguage(language));
    }
    byName.put(AnalyzerNames.FOLDED, EMBEDDED.folded());
    byName.put(AnalyzerNames.CROSS_SCRIPT, EMBEDDED.crossScript());
    byName.put(AnalyzerNames.CROSS_SCRIPT_NAMES, EMBEDDED.crossScriptNames());
    return byName;
  }

  private static List<Token> embedded(String analyzer, String text) {
    return Tokens.all(embeddedByName().get(analyzer), "text", text);
  }

  private static List<Token> openSearch(String analyzer, String text) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("analyzer", analyzer).put("text", text);
    HttpResponse<String> response = cluster.request("POST", "/_analyze", body.toString());
    assertEquals(200, response.statusCode(), response.body());
    List<Token> tokens = new ArrayList<>();
    for (JsonNode token : JSON.readTree(response.body()).path("tokens")) {
      tokens.add(
          new Token(
              token.path("token").asText(),
              token.path("start_offset").asInt(),
              token.path("end_offset").asInt(),
              token.path("position").asInt()));
    }
    return tokens;
  }
}
