package org.sandiq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
  void capturesOfOneUrlShareTheUrlKey() {
    assertEquals(
        "example.az/news/1",
        DuplicateKeys.urlKey("https://www.Example.az/news/1/?utm_source=x#comments"));
    assertEquals("example.az/news?id=2", DuplicateKeys.urlKey("http://example.az/news?id=2"));
    assertNull(DuplicateKeys.urlKey("seed/a.txt"), "loose files have no URL key");
  }
}
