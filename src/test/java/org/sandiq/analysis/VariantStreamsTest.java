package org.sandiq.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sandiq.analysis.Tokens.Token;
import org.sandiq.testing.SharedData;

/**
 * The shared tokenisation gives exactly the tokens of the two analyzers it stands in for (term,
 * offsets, position), for titles (every word keyed) and texts (names only), on the seed document
 * and on samples in each language, value after value on one thread's reused chains.
 */
class VariantStreamsTest {
  private static final LanguageAnalyzers ANALYZERS = new LanguageAnalyzers();
  private static final VariantStreams VARIANTS = new VariantStreams();

  static final List<String> SAMPLES =
      List.of(
          "Azərbaycan Respublikasının paytaxtı Bakı şəhəridir. XANKƏNDİ'də İlham Əliyev "
              + "torpaqlarımızı, üstünlüyümüzü və Qarabağ'ı xatırlatdı; soyqırımı 1992-ci ildə.",
          "Ходжалинская трагедия произошла в феврале 1992 года; жители Ходжалы "
              + "бежали через горы к Агдаму. Әлијев — азербайджанская кириллица.",
          "İstanbul'da yaşayan öğrencilerin kitaplarını IĞDIR'dan gelen çocuklar okudu.",
          "The archives' documents were searched by researchers, U.S.A. and e-mail included.",
          "L'amour d'Italie et d’Artagnan qu'il aimait, l'aujourd'hui; dell'arte un'altra.",
          "東京タワー 中文 ภาษาไทย عربى Ελληνικά ǅemal Ǉubljana",
          "",
          "   \n\n   ",
          "Khojaly Xocalı Ходжалы Hocalı Khodzhaly; Aliyev Əliyev Алиев Әлијев");

  @AfterAll
  static void close() {
    ANALYZERS.close();
    VARIANTS.close();
  }

  @Test
  void samplesGiveTheTwoAnalyzersTokens() throws IOException {
    for (String text : SAMPLES) {
      check(text);
    }
  }

  @Test
  void theSeedDocumentGivesTheTwoAnalyzersTokens() throws IOException {
    String text =
        Files.readString(SharedData.file("seed/000_7171e9ebea0e3f35.txt"), StandardCharsets.UTF_8);
    check(text);
    // Names only: the text's cross-script tokens are far fewer than its folded ones.
    VariantStreams.Streams streams = VARIANTS.text(text);
    List<Token> folded = tokens(streams.folded());
    List<Token> names = tokens(streams.names());
    assertTrue(names.size() * 2 < folded.size(), names.size() + " of " + folded.size());
  }

  @Test
  void aValueNeverConsumedDoesNotBreakTheNext() throws IOException {
    VARIANTS.text("Bakı is a city");
    check("Xocalı and Ходжалы");
  }

  private static void check(String text) throws IOException {
    VariantStreams.Streams title = VARIANTS.title(text);
    VariantStreams.Streams body = VARIANTS.text(text + " " + text);
    // As the writer consumes them: both folded streams, then both cross-script ones.
    List<Token> titleFolded = tokens(title.folded());
    List<Token> bodyFolded = tokens(body.folded());
    List<Token> titleNames = tokens(title.names());
    List<Token> bodyNames = tokens(body.names());
    assertEquals(tokens(ANALYZERS.folded(), text), titleFolded, "folded title: " + text);
    assertEquals(tokens(ANALYZERS.crossScript(), text), titleNames, "keyed title: " + text);
    assertEquals(tokens(ANALYZERS.folded(), text + " " + text), bodyFolded, "folded: " + text);
    assertEquals(
        tokens(ANALYZERS.crossScriptNames(), text + " " + text), bodyNames, "names: " + text);
  }

  private static List<Token> tokens(Analyzer analyzer, String text) {
    return tokens(analyzer.tokenStream("f", text));
  }

  /** The tokens, and the final offset the stream reports at its end (as a last pseudo-token). */
  private static List<Token> tokens(TokenStream stream) {
    OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
    List<Token> tokens = new ArrayList<>(Tokens.all(stream));
    tokens.add(new Token("<end>", offset.startOffset(), offset.endOffset(), -1));
    return tokens;
  }
}
