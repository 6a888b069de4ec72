package org.sandiq.search;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/**
 * Searching an index: what the web layer and the command line need, and all they see. Lucene stays
 * behind this interface, so a second backend (OpenSearch) can implement it.
 */
public interface SearchService extends Closeable {
  /**
   * Runs a search.
   *
   * @throws InvalidRequestException when the query or a parameter is invalid
   */
  SearchResponse search(SearchRequest request);

  /**
   * The page of hits {@code request} asks for, ranked exactly as {@link #search} ranks them, but
   * without snippets, facets or totals: for evaluation runs, which score thousands of queries. The
   * default takes them from {@link #search}; a backend may do less work.
   *
   * @throws InvalidRequestException when the query or a parameter is invalid
   */
  default java.util.List<RankedDocument> rank(SearchRequest request) {
    return search(request).hits().stream()
        .map(hit -> new RankedDocument(hit.id(), hit.url(), hit.score()))
        .toList();
  }

  /**
   * The facet counts and exact total of {@code request}'s matches (relaxed as {@link #search}
   * relaxes them), without hits: what a page shows beside the hits, fetched in parallel.
   *
   * @throws InvalidRequestException when the query or a parameter is invalid
   */
  FacetsResponse facets(SearchRequest request);

  /**
   * Streams every match of {@code request} (its words, relaxed as {@link #search} relaxes them, and
   * its filters; page, size, cursor and sort aside) to {@code sink}, one document at a time, in
   * constant memory. Copies of one text are not collapsed: an export holds every document.
   *
   * @param max the most documents one export may hold
   * @param withText whether each document carries its clean text
   * @return how many documents were written
   * @throws InvalidRequestException when the query or a parameter is invalid, or more than {@code
   *     max} documents match (then nothing is written)
   * @throws java.io.IOException when the sink fails
   */
  long export(SearchRequest request, long max, boolean withText, ExportSink sink)
      throws java.io.IOException;

  /**
   * The captures of {@code url} (with or without scheme, {@code www.}, trailing slash), oldest
   * capture first, at most {@code limit}; each {@link StoredDocument.Related#date()} is its capture
   * date (its date when it has none). Empty when the index holds none.
   */
  List<StoredDocument.Related> captures(String url, int limit);

  /** The document with {@code id}, with its captures and duplicates, if the index has it. */
  Optional<StoredDocument> document(String id);

  /** Documents like document {@code id}, best first; empty when there is no such document. */
  Optional<List<SearchResponse.Hit>> similar(String id, int limit);

  /** Completions for a search box holding {@code prefix}: title words and titles. */
  List<String> complete(String prefix, int limit);

  /** Whether the index can answer searches now (the embedded index always can). */
  default IndexHealth health() {
    return IndexHealth.OK;
  }

  /** Which backend answers, for {@code /api/health}: {@code embedded} or {@code opensearch}. */
  default String backend() {
    return "embedded";
  }

  /** How many documents are searchable now. */
  long documentCount();

  /** Bytes the index takes on disk (for monitoring). */
  long indexSizeBytes();

  /**
   * Starts loading, on a thread of its own, what the first queries would otherwise wait for (the
   * language models, about a second): said once the server listens, so it does not delay the start,
   * and well before most first queries.
   */
  default void warmInBackground() {}
}
