package org.sandiq.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Stem groups (words that should share a stem) and how well an analyzer conflates them.
 *
 * <p>A word is <em>merged</em> when its stem equals the stem of its group's dictionary form; a
 * <em>wrong merge</em> is a pair of groups with a word each that end up with the same stem.
 */
record StemGroups(String name, Map<String, List<String>> groups) {

  /** The figures for one set. */
  record Figures(String set, int words, int merged, int wrongMerges, List<String> wrongPairs) {
    double mergeRate() {
      return words == 0 ? 0 : merged / (double) words;
    }

    String line() {
      return String.format(
          Locale.ROOT, "%s\t%d\t%d\t%.3f\t%d", set, words, merged, mergeRate(), wrongMerges);
    }
  }

  /** Reads {@code word<TAB>group} lines ({@code #} comments and a {@code word} header skipped). */
  static StemGroups read(String name, Path file) throws IOException {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String l = line.replace("\uFEFF", "").strip();
      if (l.isEmpty() || l.startsWith("#") || l.startsWith("word\t")) {
        continue;
      }
      String[] cols = l.split("\t");
      groups.computeIfAbsent(cols[1], g -> new ArrayList<>()).add(cols[0]);
    }
    return new StemGroups(name, groups);
  }

  /** One group: every white-space separated word of {@code file} belongs to {@code group}. */
  static StemGroups paradigm(String name, Path file, String group) throws IOException {
    List<String> words = new ArrayList<>();
    for (String w :
        Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\\s+")) {
      if (!w.isBlank()) {
        words.add(w);
      }
    }
    return new StemGroups(name, Map.of(group, words));
  }

  Figures measure(Analyzer analyzer) {
    int words = 0;
    int merged = 0;
    Map<String, Set<String>> groupsByStem = new LinkedHashMap<>();
    for (var group : groups.entrySet()) {
      String target = stem(analyzer, group.getKey());
      Set<String> seen = new HashSet<>();
      for (String word : group.getValue()) {
        String stem = stem(analyzer, word);
        words++;
        if (stem.equals(target)) {
          merged++;
        }
        if (seen.add(stem)) {
          groupsByStem.computeIfAbsent(stem, s -> new TreeSet<>()).add(group.getKey());
        }
      }
      groupsByStem.computeIfAbsent(target, s -> new TreeSet<>()).add(group.getKey());
    }
    Set<String> wrong = new TreeSet<>();
    for (var entry : groupsByStem.entrySet()) {
      List<String> gs = new ArrayList<>(entry.getValue());
      for (int i = 0; i < gs.size(); i++) {
        for (int j = i + 1; j < gs.size(); j++) {
          wrong.add(gs.get(i) + "/" + gs.get(j) + " (" + entry.getKey() + ")");
        }
      }
    }
    Set<String> pairs = new HashSet<>();
    for (String w : wrong) {
      pairs.add(w.substring(0, w.indexOf(' ')));
    }
    return new Figures(name, words, merged, pairs.size(), List.copyOf(wrong));
  }

  /** The analyzer's single term for {@code word}, or the word itself when it is a stop word. */
  static String stem(Analyzer analyzer, String word) {
    try (TokenStream ts = analyzer.tokenStream("f", new StringReader(word))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String out = ts.incrementToken() ? term.toString() : word;
      ts.end();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
