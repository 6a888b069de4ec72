package org.sandiq.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateKeysTest {
  private static final String STORY =
      "The council met on Tuesday to discuss the new bridge over the river, which will connect"
          + " the two halves of the old town for the first time in a century. Work starts in"
          + " spring and the bridge should open to walkers, cyclists and buses two years later,"
          + " the mayor said after a vote that passed with a large majority of the members present"
          + " and a crowd of residents watching from the gallery of the old town hall.";

  private static DuplicateKeys keys(String url, String text) {
    return DuplicateKeys.of(new CleanDocument("id", url, "t", text, null, "s", "src", null));
  }

  @Test
  void sameTextGivesTheSameExactKeyWhateverTheCaseAndSpacing() {
    DuplicateKeys a = keys("a.txt", STORY);
    DuplicateKeys b = keys("b.txt", STORY.toUpperCase(java.util.Locale.ROOT).replace(" ", "  \n"));
    assertEquals(a.exact(), b.exact());
    assertEquals(a.near(), b.near());
    assertNotEquals(a.exact(), keys("c.txt", STORY + " One more sentence.").exact());
  }

  @Test
  void aSmallEditKeepsTheNearKeyAndAnotherTextDoesNot() {
    DuplicateKeys a = keys("a.txt", "Updated 10:45. " + STORY);
    DuplicateKeys b = keys("b.txt", "Updated 11:02. " + STORY);
    assertNotEquals(a.exact(), b.exact());
    assertEquals(a.near(), b.near(), "a changed timestamp is a near-duplicate");
    DuplicateKeys other =
        keys(
            "c.txt",
            "A different story about ships in the Caspian Sea and the ports they call at.");
    assertNotEquals(a.near(), other.near());
    assertNull(keys("d.txt", "Too short to judge").near());
  }

  @Test
  void wordsAreFoldedLettersAndNumbersOfAnyScriptAndAnythingElseSeparatesThem() {
    // Accents and compatibility forms fold away: a ligature, a Roman numeral, mathematical bold
    // letters outside the BMP, a vulgar fraction.
    assertEquals(
        keys("a.txt", "cafe resume final chapter xii abc 1 2 Xocalı").exact(),
        keys("b.txt", "Café — résumé; ﬁnal «Chapter Ⅻ» 𝐀𝐁𝐂 ½ XOCALı").exact());
    assertEquals(keys("a.txt", "ходжалы 1992").exact(), keys("b.txt", "Ходжалы, 1992!").exact());
    // Dotless ı is a letter of its own, not i without a dot; digits of other scripts are numbers.
    assertNotEquals(keys("a.txt", "xocali").exact(), keys("b.txt", "xocalı").exact());
    assertNotEquals(keys("a.txt", "il").exact(), keys("b.txt", "il ٣").exact());
    assertNotEquals(keys("a.txt", "ab").exact(), keys("b.txt", "a b").exact());
  }

  @Test
  void plainAsciiTakesItsOwnPassWithTheSameWords() {
    java.util.Random random = new java.util.Random(7);
    String alphabet = "aZ09 \n\t.,;'-_/@#~`[]{}\u0000\u007fQxyZ";
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0, n = random.nextInt(60); i < n; i++) {
        text.append(
            random.nextBoolean()
                ? (char) (32 + random.nextInt(95))
                : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      KeyWords fast = KeyWords.ofAscii(text.toString());
      KeyWords any = KeyWords.ofAny(text.toString());
      assertArrayEquals(any.joined(), fast.joined(), text.toString());
      assertEquals(any.count(), fast.count(), text.toString());
      assertArrayEquals(
          java.util.Arrays.copyOf(any.hashes(), any.count()),
          java.util.Arrays.copyOf(fast.hashes(), fast.count()),
          text.toString());
    }
    assertEquals(keys("a.txt", STORY).exact(), keys("b.txt", STORY + " ¡").exact());
  }

  @Test
  void textBelowCjkFoldsByTableAsByTheNormaliser() {
    java.util.Random random = new java.util.Random(11);
    int byTable = 0;
    for (int round = 0; round < 3000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0, n = random.nextInt(40); i < n; i++) {
        // Mostly letters of U+0080..U+04FF (combining marks included), some ASCII, some of the
        // rest of the table (other alphabets, punctuation, symbols).
        int kind = random.nextInt(6);
        text.append(
            (char)
                (kind == 0
                    ? 32 + random.nextInt(95)
                    : kind == 1 ? random.nextInt(0x3000) : random.nextInt(0x500)));
      }
      String folded = KeyWords.foldByTable(text.toString());
      if (folded != null) {
        byTable++;
        assertEquals(KeyWords.foldByNormalizer(text.toString()), folded, text.toString());
        // Folding while scanning gives the words of scanning the folded text.
        KeyWords once = KeyWords.ofTable(text.toString());
        KeyWords twice = KeyWords.ofFolded(folded);
        assertArrayEquals(twice.joined(), once.joined(), text.toString());
        assertArrayEquals(
            java.util.Arrays.copyOf(twice.hashes(), twice.count()),
            java.util.Arrays.copyOf(once.hashes(), once.count()),
            text.toString());
      } else {
        assertNull(KeyWords.ofTable(text.toString()), text.toString());
      }
    }
    assertTrue(byTable > 2900, "most of these texts fold by table: " + byTable);
    for (String text :
        List.of(
            "İstanbul'da Xocalı ƏŞĞÇÖÜ ı",
            "Ходжалы Ёлка ǅemal ½ ŉ ﬀ",
            "Ἀθῆναι “quoted” — ½ №5 ™ ℌ ⅻ",
            "漢字 😀")) {
      String folded = KeyWords.foldByTable(text);
      if (folded != null) {
        assertEquals(KeyWords.foldByNormalizer(text), folded, text);
      }
    }
    assertNull(KeyWords.foldByTable("ΟΔΥΣΣΕΥΣ"), "final sigma depends on its neighbours");
    assertEquals("οδυσσευς", KeyWords.fold("ΟΔΥΣΣΕΥΣ"));
    assertEquals("xocalı", KeyWords.fold("XOCALı"));
  }

  @Test
  void capturesOfOneUrlShareTheUrlKey() {
    assertEquals(
        "example.az/news/1",
        DuplicateKeys.urlKey("https://www.Example.az/news/1/?utm_source=x#comments"));
    assertEquals("example.az/news?id=2", DuplicateKeys.urlKey("http://example.az/news?id=2"));
    assertNull(DuplicateKeys.urlKey("seed/a.txt"), "loose files have no URL key");
  }
}
