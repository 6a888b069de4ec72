package org.sandiq.reindex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.DocumentIndex;
import org.sandiq.index.DocumentPreparation;
import org.sandiq.index.FileStamp;
import org.sandiq.index.LuceneIndex;
import org.sandiq.ingest.BoilerplateLines;
import org.sandiq.ingest.Corpus;
import org.sandiq.ingest.CorpusFile;
import org.sandiq.ingest.SourceFormat;

/**
 * Brings an index in step with a corpus folder: the batch job behind {@code sandiq reindex}.
 *
 * <p>Incremental by default. A file whose size and modification time match what the index recorded
 * is skipped without reading; otherwise its SHA-256 decides. Changed files are replaced whole,
 * files gone from the corpus are deleted. A file that cannot be read is reported with its reason
 * and the run goes on; the index keeps the file's previous documents, and the next run tries it
 * again. Everything becomes visible in one commit at the end.
 *
 * <p>The work goes folder by folder, a few folders at once, every step on a pool of one thread per
 * core that feeds the one shared (thread-safe) Lucene writer. A folder's small text files are read
 * and cleaned once, in parallel; their boilerplate lines are learnt from the clean texts; then each
 * document is prepared ({@link DocumentPreparation}) and indexed, again in parallel. So the corpus
 * is read once, and only the texts of the folders in flight wait in memory. A folder whose text
 * files are too large to wait is read twice instead (first for its lines only). The documents of
 * WARC and JSON Lines files go to a second pool ({@link DocumentWorkers}), so a corpus of one big
 * file is indexed in parallel too.
 */
public final class Reindexer {
  /** Text files larger than this are not read for boilerplate lines (they are rarely templated). */
  static final long BOILERPLATE_SAMPLE_BYTES = 1 << 20;

  private final Corpus corpus;
  private final DocumentPreparation preparation;
  private final int threads;

  /** The texts of one folder may wait in memory up to this many bytes of files. */
  private final long folderBudgetBytes = Math.max(4L << 20, Runtime.getRuntime().maxMemory() / 64);

  /** The multilingual analysis. */
  public Reindexer(Corpus corpus, LanguageDetector detector, int threads) {
    this(corpus, detector, threads, AnalysisProfile.MULTILINGUAL);
  }

  /**
   * @param corpus the folder to index
   * @param detector language detector for the documents
   * @param threads how many threads read, prepare and index at once
   * @param profile the index's analysis
   */
  public Reindexer(Corpus corpus, LanguageDetector detector, int threads, AnalysisProfile profile) {
    this.corpus = corpus;
    this.preparation =
        new DocumentPreparation(
            profile, detector, new org.sandiq.ingest.DocumentCleaner(), corpus::collectionOf);
    this.threads = Math.max(1, threads);
  }

  /**
   * Runs the reindex into {@code index} and commits it.
   *
   * @param full ignore what the index holds and index every file (the index should be opened in
   *     {@link LuceneIndex.Mode#REBUILD})
   * @throws IOException when the corpus cannot be listed or the index cannot be written; a file
   *     that cannot be read is not an exception but a failure in the report
   */
  public ReindexReport run(DocumentIndex index, boolean full, ReindexListener listener)
      throws IOException {
    return run(index, full, true, listener);
  }

  /**
   * As {@link #run(DocumentIndex, boolean, ReindexListener)}; {@code compact} false leaves a full
   * rebuild's segments as the writer made them ({@link DocumentIndex#compact()}).
   */
  public ReindexReport run(
      DocumentIndex index, boolean full, boolean compact, ReindexListener listener)
      throws IOException {
    long start = System.nanoTime();
    List<CorpusFile> files = corpus.files();
    Map<String, FileStamp> known = full ? Map.of() : index.files();

    Map<String, List<CorpusFile>> toRead = new LinkedHashMap<>();
    int skipped = 0;
    int reading = 0;
    for (CorpusFile file : files) {
      FileStamp stamp = known.get(file.relativePath());
      if (stamp != null && stamp.sameSizeAndTime(file.size(), file.modifiedMillis())) {
        skipped++;
      } else {
        toRead.computeIfAbsent(folderOf(file), f -> new ArrayList<>()).add(file);
        reading++;
      }
    }
    Set<String> present = new HashSet<>();
    files.forEach(f -> present.add(f.relativePath()));
    int deleted = 0;
    for (String file : known.keySet()) {
      if (!present.contains(file)) {
        index.deleteFile(file);
        deleted++;
      }
    }
    // Boilerplate is learnt from every small text file of a folder, changed or not.
    Map<String, List<CorpusFile>> learnFrom = new LinkedHashMap<>();
    for (CorpusFile file : files) {
      if (isLearntFrom(file) && toRead.containsKey(folderOf(file))) {
        learnFrom.computeIfAbsent(folderOf(file), f -> new ArrayList<>()).add(file);
      }
    }
    listener.started(reading, files.size());
    if (full && compact) {
      index.willCompact();
    }

    Progress progress = new Progress(listener, reading);
    RevisitsElsewhere revisits = new RevisitsElsewhere();
    RevisitsElsewhere.Outcome revisited = RevisitsElsewhere.Outcome.NONE;
    ExecutorService pool =
        Executors.newFixedThreadPool(threads, Progress.threads("sandiq-reindex"));
    try (DocumentWorkers workers = new DocumentWorkers(threads)) {
      FolderJob job =
          new FolderJob(
              new FileIndexer(index, preparation, workers, revisits), pool, known, progress);
      Semaphore inFlight = new Semaphore(threads + 1);
      List<CompletableFuture<Void>> folders = new ArrayList<>();
      for (var entry : toRead.entrySet()) {
        if (progress.fatal() != null) {
          break;
        }
        inFlight.acquire();
        List<CorpusFile> texts = learnFrom.getOrDefault(entry.getKey(), List.of());
        boolean hold = texts.stream().mapToLong(CorpusFile::size).sum() <= folderBudgetBytes;
        folders.add(
            job.run(entry.getKey(), entry.getValue(), texts, hold)
                .whenComplete((v, e) -> inFlight.release()));
      }
      CompletableFuture.allOf(folders.toArray(CompletableFuture[]::new)).join();
      if (progress.fatal() == null) {
        revisited = revisits.resolve(index, corpus, preparation, workers);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("reindex interrupted", e);
    } catch (CompletionException e) {
      if (progress.fatal() == null) {
        Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e;
        throw new IOException("reindex failed: " + cause, cause);
      }
    } finally {
      pool.shutdownNow();
    }
    if (progress.fatal() != null) {
      throw progress.fatal();
    }
    if (full && compact) {
      listener.compacting();
      index.compact();
    }
    index.commit();
    return progress.report(
        deleted, skipped, revisited, Duration.ofNanos(System.nanoTime() - start));
  }

  private static String folderOf(CorpusFile file) {
    return BoilerplateLines.folderOf(file.relativePath());
  }

  /**
   * Text files only, and small ones: HTML has already lost its template to main-text extraction,
   * and a large text is rarely templated.
   */
  private static boolean isLearntFrom(CorpusFile file) {
    return file.format() == SourceFormat.TEXT && file.size() <= BOILERPLATE_SAMPLE_BYTES;
  }

  /** Counts what the files did and tells the listener; remembers the first index failure. */
  static final class Progress {
    private final ReindexListener listener;
    private final int toRead;
    private final AtomicInteger indexed = new AtomicInteger();
    private final AtomicInteger updated = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong documents =
        new java.util.concurrent.atomic.AtomicLong();
    private final List<ReindexReport.Failure> failures = new ArrayList<>();
    private final List<ReindexReport.Archive> archives = new ArrayList<>();
    private final AtomicReference<IOException> fatal = new AtomicReference<>();

    Progress(ReindexListener listener, int toRead) {
      this.listener = listener;
      this.toRead = toRead;
    }

    void record(CorpusFile file, FileIndexer.Outcome outcome) {
      documents.addAndGet(outcome.documents());
      if (outcome.archive() != null) {
        synchronized (archives) {
          archives.add(
              new ReindexReport.Archive(
                  file.relativePath(), outcome.archive(), outcome.documents()));
        }
      }
      switch (outcome.kind()) {
        case NEW -> indexed.incrementAndGet();
        case CHANGED -> updated.incrementAndGet();
        case UNCHANGED -> unchanged.incrementAndGet();
        case FAILED -> {
          var failure = new ReindexReport.Failure(file.relativePath(), outcome.error());
          synchronized (failures) {
            failures.add(failure);
          }
          listener.failed(failure);
        }
      }
      listener.progress(done.incrementAndGet(), toRead, documents.get());
    }

    /** Remembers a failure of the index itself: the run stops and commits nothing. */
    void fail(IOException e) {
      fatal.compareAndSet(null, e);
    }

    IOException fatal() {
      return fatal.get();
    }

    ReindexReport report(
        int deleted, int skipped, RevisitsElsewhere.Outcome revisited, Duration elapsed) {
      List<ReindexReport.Failure> sorted;
      synchronized (failures) {
        sorted = new ArrayList<>(failures);
      }
      sorted.sort((a, b) -> a.file().compareTo(b.file()));
      List<ReindexReport.Archive> read;
      synchronized (archives) {
        read = new ArrayList<>(archives);
      }
      read.sort((a, b) -> a.file().compareTo(b.file()));
      return new ReindexReport(
          indexed.get(),
          updated.get(),
          deleted,
          skipped + unchanged.get(),
          sorted.size(),
          documents.get() + revisited.indexed(),
          elapsed,
          List.copyOf(sorted),
          List.copyOf(read),
          new ReindexReport.Revisits(revisited.indexed(), revisited.notFound()));
    }

    static java.util.concurrent.ThreadFactory threads(String name) {
      AtomicInteger count = new AtomicInteger();
      return r -> {
        Thread t = new Thread(r, name + "-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
      };
    }
  }
}
