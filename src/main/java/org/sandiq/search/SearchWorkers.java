package org.sandiq.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;

/**
 * The threads that let one search use more than one core: Lucene scores the index's segments in
 * parallel on them, the stored fields of a page's hits are read in parallel, and the page is marked
 * in shares, one highlighter pass each.
 *
 * <p>The thread that asked always works too, and takes the next piece of work itself whenever no
 * worker has: under load, when every worker is busy with other searches, a search simply runs on
 * its own thread as it would without workers (a helper that never got a thread is dropped, not
 * waited for), so parallelism lowers latency on a quiet server and costs little on a busy one. One
 * pool per {@link LuceneSearchService}, sized to the machine's cores; the threads are daemons.
 */
final class SearchWorkers implements Closeable {
  /**
   * The fewest documents a partition of one segment has. A compacted archive is one segment, so
   * without partitions its ranked search runs on one thread however many are idle; below this size
   * a search is over in a few milliseconds, and a second scorer per segment (its term lookups, its
   * own count towards the exact total) costs what the split saves (measured: no gain on a
   * 200,000-document segment at c=1), while on a million documents the slowest searches are nearly
   * all scoring and split well.
   */
  static final int MIN_PARTITION_DOCS = 250_000;

  private final ExecutorService pool;
  private final int threads;
  private final int minPartitionDocs;

  SearchWorkers(int threads) {
    this(threads, MIN_PARTITION_DOCS);
  }

  /**
   * @param minPartitionDocs a segment is scored in up to {@code threads} partitions of at least
   *     this many documents each
   */
  SearchWorkers(int threads, int minPartitionDocs) {
    this.threads = Math.max(1, threads);
    this.minPartitionDocs = Math.max(1, minPartitionDocs);
    AtomicInteger count = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            this.threads,
            r -> {
              Thread t = new Thread(r, "sandiq-search-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** How many threads a search may use, its own included. */
  int threads() {
    return threads;
  }

  /** Renders one item; may fail with an I/O error of the index. */
  @FunctionalInterface
  interface Render<I, O> {
    O apply(I item) throws IOException;
  }

  /**
   * A searcher over {@code reader} that scores each segment as its own slice on these workers (by
   * default Lucene groups segments of up to 250,000 documents into one slice, which on an archive
   * of a few hundred thousand documents means no parallelism at all), and a segment of at least
   * twice {@link #MIN_PARTITION_DOCS} documents in partitions, one per thread. The hits, scores and
   * exact totals are the unsplit search's. Each partition's collector counts to the exact-total
   * bound on its own and they share only the lowest competitive score, so an "at least" total can
   * be up to the bound times the partitions: a collector sharing one bound was tried and not kept,
   * since starting block-max pruning earlier cost more CPU on a million documents, not less
   * (BENCHMARKS.md, levers tried).
   */
  IndexSearcher searcher(IndexReader reader) {
    return new IndexSearcher(reader, pool::execute) {
      @Override
      protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        return partitioned(leaves);
      }
    };
  }

  /** One slice per segment, or per partition of a large one. */
  IndexSearcher.LeafSlice[] partitioned(List<LeafReaderContext> leaves) {
    List<IndexSearcher.LeafSlice> slices = new ArrayList<>();
    for (LeafReaderContext leaf : leaves) {
      int docs = leaf.reader().maxDoc();
      int pieces = Math.max(1, Math.min(threads, docs / minPartitionDocs));
      if (pieces == 1) {
        slices.add(
            new IndexSearcher.LeafSlice(
                List.of(IndexSearcher.LeafReaderContextPartition.createForEntireSegment(leaf))));
        continue;
      }
      int size = (docs + pieces - 1) / pieces;
      for (int from = 0; from < docs; from += size) {
        slices.add(
            new IndexSearcher.LeafSlice(
                List.of(
                    IndexSearcher.LeafReaderContextPartition.createFromAndTo(
                        leaf, from, Math.min(docs, from + size)))));
      }
    }
    return slices.toArray(IndexSearcher.LeafSlice[]::new);
  }

  /** {@code render} applied to every item, in order; the calling thread takes part. */
  <I, O> List<O> map(List<I> items, Render<I, O> render) throws IOException {
    int n = items.size();
    Object[] out = new Object[n];
    AtomicInteger next = new AtomicInteger();
    Runnable work =
        () -> {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            try {
              out[i] = render.apply(items.get(i));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };
    List<Helper> helpers = new ArrayList<>();
    for (int h = 1; h < Math.min(threads, n); h++) {
      Helper helper = new Helper(work);
      try {
        helper.future = pool.submit(helper);
        helpers.add(helper);
      } catch (RejectedExecutionException e) {
        break; // shutting down: the caller does the rest
      }
    }
    try {
      work.run();
      // Every item is taken now. A helper that has not started yet has taken none: claim it so it
      // never runs, rather than wait for a free worker to start it; wait only for started ones.
      for (Helper helper : helpers) {
        if (!helper.started.compareAndSet(false, true)) {
          helper.future.get();
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while rendering hits", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    }
    @SuppressWarnings("unchecked")
    List<O> result = (List<O>) Arrays.asList(out);
    return result;
  }

  /**
   * A helper task that runs only if it wins {@link #started}: the caller takes it first when it
   * finishes the work alone, and then need not wait. ({@code Future.cancel} would not do: it also
   * succeeds on a task that is already running.)
   */
  private static final class Helper implements Runnable {
    final AtomicBoolean started = new AtomicBoolean();
    final Runnable work;
    Future<?> future;

    Helper(Runnable work) {
      this.work = work;
    }

    @Override
    public void run() {
      if (started.compareAndSet(false, true)) {
        work.run();
      }
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
