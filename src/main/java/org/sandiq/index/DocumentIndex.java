package org.sandiq.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * The write side of an index, as the reindex job sees it. Small on purpose: a second backend
 * (OpenSearch, for scale-out) implements these operations.
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

  /**
   * The sources ({@code path#offset}) of the captures indexed under any of {@code names} ({@link
   * Fields#CAPTURE_NAMES}), by name, including what this run wrote and not yet committed: where the
   * reindex finds the captures that revisits in other files repeat. A name no capture has is
   * absent.
   */
  Map<String, String> capturesNamed(Collection<String> names) throws IOException;

  /** Records that {@code stamp.file()} is indexed as it is now. */
  void recordFile(FileStamp stamp) throws IOException;

  /**
   * Before the commit of a full rebuild: merges what was written into as few segments as the
   * index's size allows. A search looks each of its terms up once per segment (a query word probes
   * a dozen fields), so on a rebuilt archive, which is read far more than written, one segment
   * instead of a dozen roughly halves a search's time for a sixth more indexing time (measured in
   * BENCHMARKS.md section 9). Incremental runs leave merging to the merge policy.
   */
  void compact() throws IOException;

  /**
   * Said once, before the first document, by a full rebuild that {@link #compact()} will end:
   * segments merged while it writes would all be rewritten by the compaction, so a backend may put
   * its merges off. OpenSearch merges on its own schedule, so the default does nothing.
   */
  default void willCompact() {}

  /** Makes every change since the last commit durable and visible, atomically. */
  void commit() throws IOException;
}
