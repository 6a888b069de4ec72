package org.sandiq.web;

import java.util.Optional;

/**
 * Where the document view's "raw source" link gets its bytes: the archived file or WARC record a
 * document was made from. Given by the caller, so the web layer needs no knowledge of the corpus.
 */
@FunctionalInterface
public interface RawSources {
  /** The raw bytes behind {@code source} (a corpus-relative path, {@code #offset} for WARC). */
  Optional<byte[]> read(String source);

  /** No raw sources: the link answers 404. */
  RawSources NONE = source -> Optional.empty();
}
