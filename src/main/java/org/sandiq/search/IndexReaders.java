package org.sandiq.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.sandiq.index.Ranking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an up-to-date searcher over an index folder: a {@link SearcherManager}, refreshed every
 * {@value #REFRESH_MILLIS} ms by a background thread so that a commit by a reindex (in this process
 * or another) becomes visible without a restart. Until the folder holds an index, {@link
 * #acquire()} returns null.
 */
final class IndexReaders implements Closeable {
  static final long REFRESH_MILLIS = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(IndexReaders.class);

  private final Directory directory;
  private final ScheduledExecutorService refresher;
  private volatile SearcherManager manager;

  IndexReaders(Path indexDir) throws IOException {
    this.directory = FSDirectory.open(indexDir);
    openIfPresent();
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sandiq-index-refresh");
              t.setDaemon(true);
              return t;
            });
    refresher.scheduleWithFixedDelay(
        this::refreshQuietly, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
  }

  private synchronized void openIfPresent() throws IOException {
    if (manager == null && DirectoryReader.indexExists(directory)) {
      manager = new SearcherManager(directory, new RankedSearchers());
    }
  }

  /** The current searcher, or null when there is no index yet; pass it to {@link #release}. */
  IndexSearcher acquire() {
    SearcherManager m = manager;
    if (m == null) {
      return null;
    }
    try {
      return m.acquire();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  void release(IndexSearcher searcher) {
    SearcherManager m = manager;
    if (searcher != null && m != null) {
      try {
        m.release(searcher);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** Bytes of the index folder's files (0 when it cannot be listed). */
  long sizeInBytes() {
    try {
      long total = 0;
      for (String file : directory.listAll()) {
        try {
          total += directory.fileLength(file);
        } catch (IOException e) {
          // a file deleted by a merge while we listed: not part of the index any more
        }
      }
      return total;
    } catch (IOException e) {
      return 0;
    }
  }

  void refresh() throws IOException {
    openIfPresent();
    SearcherManager m = manager;
    if (m != null) {
      m.maybeRefreshBlocking();
    }
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not refresh the index reader; still serving the previous one", e);
    }
  }

  /** Every searcher scores with the index's {@link Ranking#similarity()}. */
  private static final class RankedSearchers extends SearcherFactory {
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setSimilarity(Ranking.similarity());
      return searcher;
    }
  }

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    SearcherManager m = manager;
    if (m != null) {
      m.close();
    }
    directory.close();
  }
}
