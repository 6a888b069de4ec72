package org.sandiq.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Lines that repeat across many documents of one folder: menu labels, "See more", a site's slogan.
 * They carry no content, and a query for "more" should not find every document of the folder, so
 * they are blanked out of the searchable text (same length, so offsets stay those of the stored
 * text); the stored text keeps them, as the document reads.
 *
 * <p>A line is boilerplate in a folder when it is short (at most {@value #MAX_WORDS} words) and
 * occurs in at least {@value #MIN_DOCUMENTS} documents and at least a fifth of the folder's
 * documents. Learnt with a {@link Builder} over the folder's texts; immutable once built.
 */
public final class BoilerplateLines {
  static final int MAX_WORDS = 8;
  static final int MIN_DOCUMENTS = 3;
  private static final double MIN_SHARE = 0.2;

  private final Map<String, Set<String>> linesByFolder;

  private BoilerplateLines(Map<String, Set<String>> linesByFolder) {
    this.linesByFolder = linesByFolder;
  }

  /** No boilerplate anywhere: every text is searched whole. */
  public static BoilerplateLines none() {
    return new BoilerplateLines(Map.of());
  }

  /** The folder of a corpus-relative path: what boilerplate is learnt and applied per. */
  public static String folderOf(String relativePath) {
    int slash = relativePath.lastIndexOf('/');
    return slash > 0 ? relativePath.substring(0, slash) : "";
  }

  /** How many boilerplate lines were found in {@code folder}. */
  public int count(String folder) {
    return linesByFolder.getOrDefault(folder, Set.of()).size();
  }

  /**
   * {@code text} with the boilerplate lines of {@code folder} blanked: each of their characters
   * becomes a space, so the result has {@code text}'s length and every other word keeps its offset.
   * The index searches this and stores {@code text}; offsets in its postings point into the stored
   * text, which is what lets snippets be cut without analysing the text again.
   */
  public String searchable(String folder, String text) {
    Set<String> lines = linesByFolder.get(folder);
    if (lines == null || lines.isEmpty()) {
      return text;
    }
    char[] out = null;
    for (int start = 0; start <= text.length(); ) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      if (end > start && lines.contains(text.substring(start, end).strip())) {
        if (out == null) {
          out = text.toCharArray();
        }
        java.util.Arrays.fill(out, start, end, ' ');
      }
      start = end + 1;
    }
    return out == null ? text : new String(out);
  }

  /** Learns the boilerplate lines of each folder from its documents' texts. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Map<String, Integer>> documentsPerLine = new HashMap<>();
    private final Map<String, Integer> documentsPerFolder = new HashMap<>();

    /** Counts the short lines of one document of {@code folder}. */
    public Builder add(String folder, String text) {
      documentsPerFolder.merge(folder, 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (String line : text.split("\n")) {
        String l = line.strip();
        if (!l.isEmpty() && l.split(" ").length <= MAX_WORDS && seen.add(l)) {
          documentsPerLine.computeIfAbsent(folder, f -> new HashMap<>()).merge(l, 1, Integer::sum);
        }
      }
      return this;
    }

    public BoilerplateLines build() {
      Map<String, Set<String>> result = new HashMap<>();
      documentsPerLine.forEach(
          (folder, counts) -> {
            int documents = documentsPerFolder.get(folder);
            Set<String> lines = new HashSet<>();
            counts.forEach(
                (line, n) -> {
                  if (n >= MIN_DOCUMENTS && n >= MIN_SHARE * documents) {
                    lines.add(line);
                  }
                });
            if (!lines.isEmpty()) {
              result.put(folder, Set.copyOf(lines));
            }
          });
      return new BoilerplateLines(Map.copyOf(result));
    }
  }
}
