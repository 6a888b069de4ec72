package org.sandiq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sandiq.ingest.CleanDocument;
import org.sandiq.ingest.Corpus;
import org.sandiq.ingest.DocumentCleaner;
import org.sandiq.ingest.Extraction;
import org.sandiq.ingest.IngestException;
import org.sandiq.ingest.SourceReader;

/**
 * Scores Sandiq's main-text extraction, and the whole-page text as a baseline, on a benchmark
 * folder in one of two layouts:
 *
 * <ul>
 *   <li>{@code ground-truth.jsonl} with {@code {"id", "url", "html_file", "text"}} per page (the
 *       Scrapinghub article-extraction benchmark): scored with {@link ShingleScorer};
 *   <li>{@code evaldata.jsonl} with {@code {"id", "url", "html_file", "with", "without"}} per page
 *       (trafilatura's evaluation set): scored with {@link SegmentScorer}.
 * </ul>
 *
 * Pages ({@code .html} or {@code .html.gz}) go through the same reader and cleaner as the index.
 */
public final class ExtractionEvaluation {
  /** The result for one folder: which metric, and the scores of each extractor. */
  public record Report(String set, String metric, int documents, List<ExtractionScores> scores) {}

  /** One page of a benchmark: its file and its line of the annotation file. */
  private record Page(Path html, JsonNode entry) {}

  private final ObjectMapper json = new ObjectMapper();

  /**
   * Evaluates the benchmark in {@code dir}.
   *
   * @throws IOException when the folder holds neither layout, or a line is not JSON
   */
  public Report evaluate(Path dir) throws IOException {
    return evaluate(dir, List.of(Extraction.WHOLE_PAGE, Extraction.MAIN_TEXT));
  }

  /** Evaluates the benchmark in {@code dir} for the given extractions only. */
  public Report evaluate(Path dir, List<Extraction> extractions) throws IOException {
    Path shingles = dir.resolve("ground-truth.jsonl");
    Path segments = dir.resolve("evaldata.jsonl");
    boolean shingleSet = Files.isRegularFile(shingles);
    if (!shingleSet && !Files.isRegularFile(segments)) {
      throw new IOException(
          dir + ": no ground-truth.jsonl (article bodies) or evaldata.jsonl (segments) in it");
    }
    List<Page> pages = pages(dir, shingleSet ? shingles : segments);
    List<ExtractionScores> scores = new ArrayList<>();
    for (Extraction extraction : extractions) {
      String name = nameOf(extraction);
      scores.add(
          shingleSet
              ? scoreShingles(pages, extraction, name)
              : scoreSegments(pages, extraction, name));
    }
    return new Report(
        dir.getFileName().toString(),
        shingleSet ? "shingles" : "segments",
        pages.size(),
        List.copyOf(scores));
  }

  /** The name an extraction's figures are reported under. */
  public static String nameOf(Extraction extraction) {
    return extraction == Extraction.WHOLE_PAGE ? "whole-page" : "sandiq";
  }

  private ExtractionScores scoreShingles(List<Page> pages, Extraction extraction, String name) {
    ShingleScorer scorer = new ShingleScorer();
    int failed = 0;
    for (Page page : pages) {
      String text = extract(page, extraction);
      if (text == null) {
        failed++;
      }
      scorer.add(page.entry().path("text").asText(""), text == null ? "" : text);
    }
    return scorer.scores(name, failed);
  }

  private ExtractionScores scoreSegments(List<Page> pages, Extraction extraction, String name) {
    SegmentScorer scorer = new SegmentScorer();
    int failed = 0;
    for (Page page : pages) {
      String text = extract(page, extraction);
      if (text == null) {
        failed++;
      }
      scorer.add(text, strings(page.entry().path("with")), strings(page.entry().path("without")));
    }
    return scorer.scores(name, failed);
  }

  private static String extract(Page page, Extraction extraction) {
    DocumentCleaner cleaner = new DocumentCleaner(extraction);
    StringBuilder out = new StringBuilder();
    try {
      Corpus corpus = new Corpus(page.html().getParent());
      new SourceReader()
          .read(
              corpus.file(page.html()),
              raw -> {
                CleanDocument doc = cleaner.clean(raw);
                out.append(doc.text());
              });
      return out.toString();
    } catch (IngestException | IOException e) {
      return null;
    }
  }

  private List<Page> pages(Path dir, Path jsonl) throws IOException {
    List<Page> pages = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode entry;
        try {
          entry = json.readTree(line);
        } catch (IOException e) {
          throw new IOException(jsonl + ":" + lineNumber + ": not JSON: " + e.getMessage(), e);
        }
        String file = entry.path("html_file").asText("");
        if (file.isEmpty()) {
          throw new IOException(jsonl + ":" + lineNumber + ": no html_file");
        }
        pages.add(new Page(dir.resolve(file), entry));
      }
    }
    return pages;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(n.asText());
    }
    return out;
  }
}
