package org.sandiq.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.search.SearchRequest;
import org.sandiq.search.SearchResponse;

/**
 * A small corpus written to disk, reindexed as {@code sandiq reindex} does and opened for search:
 * the real index and search service, for tests that ask what a query finds.
 */
public final class SearchableCorpus implements AutoCloseable {
  private final LanguageAnalyzers analyzers;
  private final LuceneSearchService search;

  private SearchableCorpus(LanguageAnalyzers analyzers, LuceneSearchService search) {
    this.analyzers = analyzers;
    this.search = search;
  }

  /**
   * Writes {@code files} (corpus-relative path to text) under {@code dir}, indexes and opens them.
   */
  public static SearchableCorpus of(Path dir, Map<String, String> files) throws IOException {
    Path corpus = dir.resolve("corpus");
    for (var file : files.entrySet()) {
      Fixtures.write(corpus, file.getKey(), file.getValue());
    }
    assertTrue(Fixtures.reindex(corpus, dir.resolve("index"), false).succeeded());
    LanguageAnalyzers analyzers = new LanguageAnalyzers();
    return new SearchableCorpus(
        analyzers, new LuceneSearchService(dir.resolve("index"), new FieldAnalyzers(analyzers)));
  }

  public LuceneSearchService search() {
    return search;
  }

  /** The ids of the first 50 hits of {@code query}. */
  public Set<String> ids(String query) {
    return search.search(new SearchRequest(query, null, 1, 50)).hits().stream()
        .map(SearchResponse.Hit::id)
        .collect(Collectors.toSet());
  }

  @Override
  public void close() throws IOException {
    search.close();
    analyzers.close();
  }
}
