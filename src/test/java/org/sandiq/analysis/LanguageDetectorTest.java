package org.sandiq.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
  private final LanguageDetector detector = new LanguageDetector();

  @Test
  void detectsTheFourLanguages() {
    assertEquals(
        Language.EN,
        detector
            .detect("The parliament adopted a special decision about the day of remembrance.")
            .language());
    assertEquals(
        Language.RU,
        detector.detect("Парламент принял специальное решение о дне памяти.").language());
    assertEquals(
        Language.TR,
        detector
            .detect("Meclis anma günü hakkında özel bir karar kabul etti ve duyurdu.")
            .language());
    assertEquals(
        Language.AZ,
        detector.detect("Milli Məclis anım günü haqqında xüsusi qərar qəbul etdi.").language());
  }

  @Test
  void letterRulesSettleAzerbaijani() {
    Detection latin = detector.detect("Xankəndi");
    assertEquals(Language.AZ, latin.language());
    assertTrue(latin.confidence() > 0.9);
    assertEquals(Language.AZ, detector.detect("Азәрбајҹан Республикасы").language());
  }

  @Test
  void otherScriptsAndDeclaredOtherLanguagesAreUndetermined() {
    assertEquals(
        Language.UND, detector.detect("هذا نص باللغة العربية عن المدينة القديمة").language());
    assertEquals(
        Language.UND,
        detector.detect("Die Stadt liegt am Fluss und hat viele Einwohner.", "de").language());
    assertEquals(Language.UND, detector.detect("12 34 !!").language());
  }

  @Test
  void declaredLanguageIsAStrongHint() {
    // Short and ambiguous between Turkish and Azerbaijani; the page says Turkish.
    assertEquals(Language.TR, detector.detect("Bakı şehri", "tr").language());
  }

  @Test
  void plainAsciiLatinIsEnglishByItsLetters() {
    String english =
        "The archive keeps every captured page of the newspaper, with the date it was taken.";
    Detection d = detector.detect(english);
    assertEquals(Language.EN, d.language());
    assertEquals(0.9, d.confidence(), 1e-9, "named by the letter rule, not by Lingua");
    // A name with Turkish letters inside English prose keeps it English.
    assertEquals(
        Language.EN,
        detector
            .detect(english + " President Erdoğan visited the archive on the same day as well.")
            .language());
  }

  @Test
  void theEnglishRuleLeavesTurkishAndDeclaredLanguagesAlone() {
    // Turkish has its own letters every few words, so it still goes to Lingua.
    assertEquals(
        Language.TR,
        detector
            .detect("Gazete arşivi her sayfanın çekildiği tarihi ve içeriğini saklıyor.")
            .language());
    // ASCII text declared Turkish is not made English by the rule.
    Detection declared =
        detector.detect("Bu arsiv gazetenin butun sayfalarini saklar ve bunlari gosterir.", "tr");
    assertEquals(Language.TR, declared.language());
  }

  @Test
  void latinTextOfLanguagesWithoutAModelIsNotEnglish() {
    // Lingua, with only our four languages' models, calls the first two English, the third Turkish.
    String german =
        "Die deutsche Übersetzung dieser Handbuchseite wurde von zwei Freiwilligen erstellt. Diese"
            + " Übersetzung ist freie Dokumentation; lesen Sie die Lizenz bezüglich der Bedingungen"
            + " für die Weitergabe und die Änderung des Textes.";
    String portuguese =
        "A tradução desta página foi feita por voluntários e revisada pela equipe. Esta tradução é"
            + " documentação livre; leia a licença para saber as condições de distribuição e de"
            + " modificação do texto original.";
    String czech =
        "Archiv balíčků se nachází na všech kopiích datového úložiště a zahrnuje balíčky, které"
            + " zatím nejsou ve verzi pro stabilní vydání, protože je vývojáři ještě nepovažují za"
            + " hotové.";
    for (String text : new String[] {german, portuguese, czech}) {
      assertEquals(Language.UND, detector.detect(text).language(), text);
    }
    // English prose with accented names keeps its language: it is full of function words.
    String english =
        "The translation of this page was made by José Núñez and Zoë Brontë, who checked it with"
            + " the team before it was published, and they also wrote the notes that explain how"
            + " the text can be shared.";
    assertEquals(Language.EN, detector.detect(english).language());
    // German with a Turkish name still goes to Lingua (its letters could be Turkish), whose
    // "English" is then refused by the function words.
    assertEquals(Language.UND, detector.detect(german + " Herr Erdoğan las sie auch.").language());
  }

  @Test
  void longTurkishTextIsTurkishByItsLetters() {
    String turkish =
        "Osmanlı İmparatorluğu'nun son döneminde İstanbul'da yayımlanan gazeteler, şehrin"
            + " gündelik hayatını ayrıntılı biçimde anlatır; bu yazılar bugün tarihçiler için"
            + " değerli bir kaynak sayılır ve arşivlerde özenle saklanır. Eski harflerle basılan"
            + " bu sayfaların çoğu, son yıllarda dijital ortama aktarılmıştır.";
    Detection byLetters = detector.detect(turkish);
    assertEquals(Language.TR, byLetters.language());
    assertEquals(0.9, byLetters.confidence(), 1e-9, "the letter rule, not Lingua's certainty");
    assertEquals(Language.TR, detector.detect(turkish, "tr").language());
    // A page that declares Azerbaijani leaves the question to Lingua, with the hint.
    assertNotEquals(0.9, detector.detect(turkish, "az").confidence(), 1e-9);
    // Too short for the rule: Lingua decides, with its own certainty.
    Detection shortOne = detector.detect("İstanbul'da yağmur yağıyor ve şehir ıslak.");
    assertEquals(Language.TR, shortOne.language());
    assertNotEquals(0.9, shortOne.confidence(), 1e-9);
    // Azerbaijani typed on a Turkish keyboard (e for ə) keeps its q and x: Lingua tells it.
    String azerbaijani =
        "Seçiciler bazar günü ölkenin adının deyişdirilmesi ile bağlı sesvermede iştirak"
            + " edecekler. Xalqın çoxu bu qerarı müsbet qarşılayır, lakin bezi partiyalar"
            + " referendumun neticelerini tanımayacaqlarını bildirib ve etiraz aksiyaları"
            + " keçirmeyi planlaşdırırlar.";
    assertEquals(Language.AZ, detector.detect(azerbaijani).language());
    // A German text about character sets, with a few Turkish letters in it, is not Turkish.
    String german =
        "Die folgende Tabelle enthält die druckbaren Zeichen von ISO 8859-3, die nicht in der"
            + " Handbuchseite aufgeführt sind, darunter der kleine Buchstabe ğ mit Breve und das"
            + " ı ohne Punkt, die für das Türkische gebraucht wurden, bevor es eine eigene"
            + " Kodierung bekam; die übrigen Zeichen kommen aus dem Maltesischen und dem Esperanto.";
    assertNotEquals(Language.TR, detector.detect(german).language());
    // Romanian writes ş too, but neither ı nor ğ.
    assertNotEquals(
        0.9,
        detector
            .detect(
                "Aceasta este o poveste despre oraşul vechi şi despre oamenii care au trăit acolo"
                    + " în timpul iernii, când zăpada acoperea străzile şi casele, iar copiii se"
                    + " jucau în piaţa mare din centrul oraşului până seara târziu, fără grijă.")
            .confidence(),
        1e-9);
  }

  /**
   * The letter counts by script match a plain statement of them (each code point's script from the
   * JDK's table) on random texts of ASCII, accented Latin, IPA, Greek, Cyrillic with its
   * supplement, Armenian, CJK, letters beyond the BMP and lone surrogates.
   */
  @Test
  void scriptCountsMatchTheScriptTableOnRandomTexts() {
    int[][] ranges = {
      {0x20, 0x7E},
      {0xA0, 0x2AF},
      {0x370, 0x3FF},
      {0x400, 0x52F},
      {0x530, 0x58F},
      {0x4E00, 0x4E40},
      {0x1D400, 0x1D420},
      {0x1F600, 0x1F610},
      {0xD800, 0xDFFF}
    };
    java.util.Random random = new java.util.Random(20261205);
    for (int t = 0; t < 2_000; t++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int k = 0; k < length; k++) {
        int[] range = ranges[random.nextInt(ranges.length)];
        text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
      }
      String s = text.toString();
      assertEquals(reference(s), LanguageDetector.ScriptCounts.of(s), s);
    }
  }

  /** The counts as a plain statement: each letter's script looked up in the JDK's table. */
  private static LanguageDetector.ScriptCounts reference(String text) {
    int[] letters = text.codePoints().filter(Character::isLetter).toArray();
    IntPredicate latin = cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
    IntPredicate cyrillic =
        cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC;
    return new LanguageDetector.ScriptCounts(
        letters.length,
        (int) IntStream.of(letters).filter(latin).count(),
        (int) IntStream.of(letters).filter(latin).filter(cp -> cp >= 0x80).count(),
        (int) IntStream.of(letters).filter(cyrillic).count(),
        text.contains("ə") || text.contains("Ə"),
        (int) IntStream.of(letters).filter(cp -> "ğĞıİşŞ".indexOf(cp) >= 0).count(),
        IntStream.of(letters).anyMatch(cp -> "ğĞıİ".indexOf(cp) >= 0),
        IntStream.of(letters).anyMatch(cp -> "әӘҹҸјЈ".indexOf(cp) >= 0));
  }
}
