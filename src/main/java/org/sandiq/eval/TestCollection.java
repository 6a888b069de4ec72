package org.sandiq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A retrieval test collection read from the shared data formats.
 *
 * <ul>
 *   <li>corpus: JSON lines {@code {"id", "title", "text", "lang"?}} (other keys ignored);
 *   <li>queries: JSON lines {@code {"id", "text", "lang"?}};
 *   <li>qrels: {@code query-id<TAB>doc-id<TAB>grade}, an optional header line, or TREC's four
 *       columns {@code query-id 0 doc-id grade} separated by white space.
 * </ul>
 *
 * A malformed line is an {@link IOException} that names the file and the line number.
 *
 * @param documents the corpus in file order
 * @param queries the queries in file order
 * @param qrels relevance grade by query id, then document id (grade 0 or less: not relevant)
 */
public record TestCollection(
    List<Document> documents, List<Query> queries, Map<String, Map<String, Integer>> qrels) {

  /** One corpus document. {@code lang} is the declared language, or null. */
  public record Document(String id, String title, String text, String lang) {}

  /** One query. {@code lang} is the declared language, or null. */
  public record Query(String id, String text, String lang) {}

  /** Reads the three files. */
  public static TestCollection read(Path corpus, Path queries, Path qrels) throws IOException {
    return new TestCollection(readCorpus(corpus), readQueries(queries), readQrels(qrels));
  }

  /**
   * This collection with only the documents whose declared language is {@code lang} (XQuAD's corpus
   * holds three parallel languages, and each is evaluated alone).
   */
  public TestCollection onlyLanguage(String lang) {
    return new TestCollection(
        documents.stream().filter(d -> lang.equalsIgnoreCase(d.lang())).toList(), queries, qrels);
  }

  static List<Document> readCorpus(Path file) throws IOException {
    List<Document> docs = new ArrayList<>();
    forEachJson(
        file,
        node ->
            docs.add(
                new Document(
                    required(node, "id"),
                    optional(node, "title", ""),
                    optional(node, "text", ""),
                    optional(node, "lang", null))));
    return docs;
  }

  static List<Query> readQueries(Path file) throws IOException {
    List<Query> queries = new ArrayList<>();
    forEachJson(
        file,
        node ->
            queries.add(
                new Query(
                    required(node, "id"), required(node, "text"), optional(node, "lang", null))));
    return queries;
  }

  static Map<String, Map<String, Integer>> readQrels(Path file) throws IOException {
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || (number == 1 && trimmed.startsWith("query-id"))) {
          continue;
        }
        String[] cols = trimmed.split("\\s+");
        String query;
        String doc;
        String grade;
        if (cols.length == 3) {
          query = cols[0];
          doc = cols[1];
          grade = cols[2];
        } else if (cols.length == 4) {
          query = cols[0];
          doc = cols[2];
          grade = cols[3];
        } else {
          throw new IOException(
              file + ":" + number + ": expected 'query doc grade' or TREC's four columns");
        }
        try {
          qrels
              .computeIfAbsent(query, q -> new HashMap<>())
              .merge(doc, Integer.parseInt(grade), Math::max);
        } catch (NumberFormatException e) {
          throw new IOException(file + ":" + number + ": grade '" + grade + "' is not a number");
        }
      }
    }
    return qrels;
  }

  private interface NodeConsumer {
    void accept(JsonNode node) throws IOException;
  }

  private static void forEachJson(Path file, NodeConsumer consumer) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          consumer.accept(json.readTree(line));
        } catch (IOException | IllegalArgumentException e) {
          throw new IOException(file + ":" + number + ": " + e.getMessage(), e);
        }
      }
    }
  }

  private static String required(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing \"" + key + "\"");
    }
    return value.asText();
  }

  private static String optional(JsonNode node, String key, String otherwise) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? otherwise : value.asText();
  }
}
