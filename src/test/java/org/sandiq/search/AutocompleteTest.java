package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sandiq.analysis.LanguageAnalyzers;

class AutocompleteTest {
  private final Autocomplete autocomplete = new Autocomplete(new LanguageAnalyzers().folded());

  private List<String> complete(List<String> titles, String prefix) throws Exception {
    return autocomplete.complete(titles, max -> titles, prefix, 8);
  }

  @Test
  void aWordInTwoCasesIsOneCompletionInLowerCase() throws Exception {
    List<String> titles =
        List.of(
            "The network interface",
            "Configuring an interface",
            "Interface names",
            "Loopback interface basics");
    List<String> out = complete(titles, "inter");
    assertEquals(
        1, out.stream().filter(s -> s.equalsIgnoreCase("interface")).count(), out.toString());
    assertTrue(out.contains("interface"), "as people type it: " + out);
    assertTrue(out.contains("Interface names"), "whole titles are still offered: " + out);
  }

  @Test
  void theWordAsTypedComesFirstThoughTitlesCapitaliseItMore() throws Exception {
    List<String> titles =
        List.of("Ana", "Ana", "Ana", "Analysis", "Analysis", "Analysis", "Analysis", "an ana");
    List<String> out = complete(titles, "ana");
    assertEquals("ana", out.get(0), out.toString());
    assertEquals(1, out.stream().filter(s -> s.equalsIgnoreCase("ana")).count(), out.toString());
  }

  @Test
  void aNameKeepsItsCapitalAndDiacriticsStaySeparateWords() throws Exception {
    List<String> titles = List.of("Xocalı soyqırımı", "Xocalı xatirəsi", "Información general");
    List<String> words =
        complete(titles, "xoc").stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    assertEquals(1, words.stream().filter(s -> s.equals("xocalı")).count(), words.toString());
    assertTrue(complete(titles, "xoc").contains("Xocalı"));
    assertTrue(complete(titles, "infor").contains("Información"));
  }
}
