package org.sandiq.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

/**
 * The write side of an index, as the reindex job sees it. Small on purpose: a second backend
 * (OpenSearch, for scale-out) implements these five operations.
 *
 * <p>Changes become visible to searchers only at {@link #commit()}, all at once.
 */
public interface DocumentIndex extends Closeable {
  /** The corpus files the index holds, by corpus-relative path. */
  Map<String, FileStamp> files() throws IOException;

  /** Removes every document of {@code file}, and its file record. */
  void deleteFile(String file) throws IOException;

  /** Adds (or replaces, by id) one content document. */
  void add(PreparedDocument document) throws IOException;

  /** Records that {@code stamp.file()} is indexed as it is now. */
  void recordFile(FileStamp stamp) throws IOException;

  /** Makes every change since the last commit durable and visible, atomically. */
  void commit() throws IOException;
}
