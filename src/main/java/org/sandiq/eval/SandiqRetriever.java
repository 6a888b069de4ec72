package org.sandiq.eval;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.DocumentIndex;
import org.sandiq.index.DocumentPreparation;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.index.LuceneIndex;
import org.sandiq.ingest.CleanDocument;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.search.RankedDocument;
import org.sandiq.search.SearchLimits;
import org.sandiq.search.SearchRequest;
import org.sandiq.search.SearchService;

/**
 * Sandiq itself: the corpus is language-detected and indexed into a temporary folder through {@link
 * LuceneIndex} (so {@code DocumentMapper} makes every field a real index has), and each query runs
 * through {@link LuceneSearchService}, the search behind the API.
 *
 * <p>Test queries are natural-language questions, while Sandiq's syntax requires every word; so
 * each query is sent as its words joined by {@code OR} (the syntax a user would type for "any of
 * these"), at most {@link #MAX_WORDS} words.
 */
public final class SandiqRetriever implements Retriever {
  /** Words sent per query: keeps a long topic under Lucene's clause limit. */
  static final int MAX_WORDS = 60;

  private final SearchService search;
  private final Closeable cleanup;

  private SandiqRetriever(SearchService search, Closeable cleanup) {
    this.search = search;
    this.cleanup = cleanup;
  }

  /** Opens the search side once the documents are in. */
  @FunctionalInterface
  public interface SearchOpener {
    SearchService open() throws IOException;
  }

  /** Indexes {@code documents} into a new temporary folder, removed by {@link #close()}. */
  public static SandiqRetriever index(List<TestCollection.Document> documents) throws IOException {
    Path dir = Files.createTempDirectory("sandiq-eval");
    LanguageAnalyzers analyzers = new LanguageAnalyzers();
    Closeable cleanup =
        () -> {
          analyzers.close();
          delete(dir);
        };
    FieldAnalyzers fields = new FieldAnalyzers(analyzers);
    try {
      return load(
          documents,
          LuceneIndex.open(dir, fields, LuceneIndex.Mode.REBUILD),
          () -> new LuceneSearchService(dir, fields),
          cleanup);
    } catch (IOException | RuntimeException e) {
      cleanup.close();
      throw e;
    }
  }

  /**
   * Prepares {@code documents} as the reindex job does, writes them to {@code index} (committed and
   * closed here), and ranks through the search service {@code open} then returns: the same path for
   * every backend. {@code cleanup} runs at {@link #close()} (not when this fails).
   */
  public static SandiqRetriever load(
      List<TestCollection.Document> documents,
      DocumentIndex index,
      SearchOpener open,
      Closeable cleanup)
      throws IOException {
    DocumentPreparation preparation =
        new DocumentPreparation(AnalysisProfile.MULTILINGUAL, new LanguageDetector());
    try (index) {
      for (TestCollection.Document doc : documents) {
        CleanDocument clean =
            new CleanDocument(
                doc.id(), doc.id(), doc.title(), doc.text(), null, "eval", doc.id(), doc.lang());
        index.add(preparation.prepare(clean, doc.id()));
      }
      index.commit();
    }
    return new SandiqRetriever(open.open(), cleanup);
  }

  @Override
  public List<String> rank(TestCollection.Query query, int depth) {
    String text = anyWord(query.text());
    if (text.isEmpty()) {
      return List.of();
    }
    int size = SearchLimits.DEFAULT.maxPageSize();
    List<String> ids = new ArrayList<>();
    for (int page = 1; ids.size() < depth; page++) {
      List<RankedDocument> hits = search.rank(new SearchRequest(text, null, page, size));
      for (RankedDocument hit : hits) {
        if (ids.size() < depth) {
          ids.add(hit.url()); // the eval corpus's id is the document's URL; Sandiq's is a hash
        }
      }
      if (hits.size() < size) {
        break;
      }
    }
    return ids;
  }

  /**
   * {@code text}'s words (letters, digits, inner apostrophes) joined by {@code OR}, with nothing
   * the query syntax would read as an operator. A repeated word stays repeated: it weighs more, as
   * in a bag-of-words query.
   */
  static String anyWord(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.split("[^\\p{L}\\p{N}\\p{M}'’]+")) {
      String w = word.replaceAll("^['’]+|['’]+$", "");
      if (w.isEmpty()) {
        continue;
      }
      // AND, OR and NOT are operators only in upper case.
      if (w.equals("AND") || w.equals("OR") || w.equals("NOT")) {
        w = w.toLowerCase(Locale.ROOT);
      }
      words.add(w);
      if (words.size() == MAX_WORDS) {
        break;
      }
    }
    return String.join(" OR ", words);
  }

  @Override
  public void close() throws IOException {
    try {
      search.close();
    } finally {
      cleanup.close();
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(SandiqRetriever::deleteQuietly);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
