package org.sandiq.search;

import java.io.Closeable;
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

  /** The document with {@code id}, if the index has it. */
  Optional<StoredDocument> document(String id);

  /** How many documents are searchable now. */
  long documentCount();
}
