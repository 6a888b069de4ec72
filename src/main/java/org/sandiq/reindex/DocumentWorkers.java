package org.sandiq.reindex;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.sandiq.ingest.IngestException;

/**
 * The threads that clean, detect and index the documents of many-document files (WARC, JSON Lines)
 * while the file is still being read: the bounded middle of the reindex pipeline.
 *
 * <p>At most {@value #IN_FLIGHT_PER_THREAD} documents per thread wait or run at once; a reader that
 * gets ahead blocks until one is done, so a fast reader of a large file never fills the heap with
 * parsed documents.
 */
final class DocumentWorkers implements AutoCloseable {
  static final int IN_FLIGHT_PER_THREAD = 32;

  /** One document's work; an {@link IngestException} skips the document, an I/O error is fatal. */
  @FunctionalInterface
  interface Work {
    void run() throws IngestException, IOException;
  }

  private final ExecutorService pool;
  private final Semaphore inFlight;

  DocumentWorkers(int threads) {
    AtomicInteger count = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "sandiq-documents-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.inFlight = new Semaphore(threads * IN_FLIGHT_PER_THREAD);
  }

  /** A new batch: the documents of one file. */
  Batch batch() {
    return new Batch();
  }

  /** The documents of one file: what was written, what was skipped and why, any index failure. */
  final class Batch {
    private final Phaser pending = new Phaser(1);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicReference<String> firstSkip = new AtomicReference<>();
    private final AtomicReference<IOException> failure = new AtomicReference<>();

    /** Runs {@code work} on a worker, waiting first while too many documents are in flight. */
    void submit(Work work) throws IOException {
      if (failure.get() != null) {
        throw failure.get(); // the index failed: stop reading
      }
      try {
        inFlight.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("reindex interrupted", e);
      }
      pending.register();
      try {
        pool.execute(
            () -> {
              try {
                work.run();
                written.incrementAndGet();
              } catch (IngestException e) {
                skipped.incrementAndGet();
                firstSkip.compareAndSet(null, e.getMessage());
              } catch (IOException e) {
                failure.compareAndSet(null, e);
              } catch (RuntimeException e) {
                skipped.incrementAndGet();
                firstSkip.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
              } finally {
                inFlight.release();
                pending.arriveAndDeregister();
              }
            });
      } catch (RuntimeException e) {
        inFlight.release();
        pending.arriveAndDeregister();
        throw e;
      }
    }

    /** Counts a document that the reading thread indexed itself. */
    void countInline() {
      written.incrementAndGet();
    }

    /** Waits until every submitted document is done. */
    void await() {
      pending.arriveAndAwaitAdvance();
    }

    long written() {
      return written.get();
    }

    long skipped() {
      return skipped.get();
    }

    String firstSkipReason() {
      return firstSkip.get();
    }

    /** The first failure of the index itself, or null. */
    IOException indexFailure() {
      return failure.get();
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
