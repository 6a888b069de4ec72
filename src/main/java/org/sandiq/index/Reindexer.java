package org.sandiq.index;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.sandiq.analysis.AnalysisProfile;
import org.sandiq.analysis.Detection;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.ingest.BoilerplateLines;
import org.sandiq.ingest.CleanDocument;
import org.sandiq.ingest.Corpus;
import org.sandiq.ingest.CorpusFile;
import org.sandiq.ingest.DocumentCleaner;
import org.sandiq.ingest.IngestException;
import org.sandiq.ingest.RawDocument;
import org.sandiq.ingest.SourceFormat;
import org.sandiq.ingest.SourceReader;

/**
 * Brings an index in step with a corpus folder: the batch job behind {@code sandiq reindex}.
 *
 * <p>Incremental by default. A file whose size and modification time match what the index recorded
 * is skipped without reading; otherwise its SHA-256 decides. Changed files are replaced whole,
 * files gone from the corpus are deleted. A file that cannot be read is reported with its reason
 * and the run goes on; the index keeps the file's previous documents, and the next run tries it
 * again. Everything becomes visible in one commit at the end.
 *
 * <p>Files are read, cleaned and language-detected on a small thread pool that feeds one shared
 * Lucene writer (which is thread-safe); the documents of WARC and JSON Lines files are handed on to
 * a second pool ({@link DocumentWorkers}), so a corpus of one big file is indexed in parallel too.
 */
public final class Reindexer {
  /** Text files larger than this are not read for boilerplate lines (they are rarely templated). */
  private static final long BOILERPLATE_SAMPLE_BYTES = 1 << 20;

  private final Corpus corpus;
  private final SourceReader reader = new SourceReader();
  private final DocumentCleaner cleaner = new DocumentCleaner();
  private final LanguageDetector detector;
  private final int threads;
  private final AnalysisProfile profile;

  /**
   * @param corpus the folder to index
   * @param detector language detector for the documents
   * @param threads how many files to process at once
   */
  public Reindexer(Corpus corpus, LanguageDetector detector, int threads) {
    this(corpus, detector, threads, AnalysisProfile.MULTILINGUAL);
  }

  /**
   * @param profile the index's analysis; {@link AnalysisProfile#STANDARD} detects no languages
   */
  public Reindexer(Corpus corpus, LanguageDetector detector, int threads, AnalysisProfile profile) {
    this.corpus = corpus;
    this.detector = detector;
    this.threads = Math.max(1, threads);
    this.profile = profile;
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
    long start = System.nanoTime();
    List<CorpusFile> files = corpus.files();
    Map<String, FileStamp> known = full ? Map.of() : index.files();

    List<CorpusFile> toRead = new ArrayList<>();
    int skipped = 0;
    for (CorpusFile file : files) {
      FileStamp stamp = known.get(file.relativePath());
      if (stamp != null && stamp.sameSizeAndTime(file.size(), file.modifiedMillis())) {
        skipped++;
      } else {
        toRead.add(file);
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
    listener.started(toRead.size(), files.size());
    BoilerplateLines boilerplate = toRead.isEmpty() ? BoilerplateLines.none() : boilerplate(files);

    AtomicInteger indexed = new AtomicInteger();
    AtomicInteger updated = new AtomicInteger();
    AtomicInteger unchanged = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicLong documents = new AtomicLong();
    List<ReindexReport.Failure> failures = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    DocumentWorkers documentWorkers = new DocumentWorkers(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (CorpusFile file : toRead) {
        futures.add(
            pool.submit(
                () -> {
                  Outcome outcome =
                      indexFile(
                          index,
                          file,
                          known.get(file.relativePath()),
                          boilerplate,
                          documentWorkers);
                  documents.addAndGet(outcome.documents());
                  switch (outcome.kind()) {
                    case NEW -> indexed.incrementAndGet();
                    case CHANGED -> updated.incrementAndGet();
                    case UNCHANGED -> unchanged.incrementAndGet();
                    case FAILED -> {
                      var failure = new ReindexReport.Failure(file.relativePath(), outcome.error());
                      failures.add(failure);
                      listener.failed(failure);
                    }
                  }
                  listener.progress(done.incrementAndGet(), toRead.size(), documents.get());
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("reindex interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("reindex failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
      documentWorkers.close();
    }
    index.commit();
    failures.sort((a, b) -> a.file().compareTo(b.file()));
    return new ReindexReport(
        indexed.get(),
        updated.get(),
        deleted,
        skipped + unchanged.get(),
        failures.size(),
        documents.get(),
        Duration.ofNanos(System.nanoTime() - start),
        List.copyOf(failures));
  }

  /**
   * Learns the boilerplate lines of every folder from its text files (all of them, changed or not:
   * a line is boilerplate by how many documents share it). Text files only, and small ones: HTML
   * has already lost its template to main-text extraction, and this pass must stay cheap. A file
   * that cannot be read here is simply not counted (the indexing pass reports it).
   */
  private BoilerplateLines boilerplate(List<CorpusFile> files) {
    BoilerplateLines.Builder builder = new BoilerplateLines.Builder();
    for (CorpusFile file : files) {
      if (file.format() != SourceFormat.TEXT || file.size() > BOILERPLATE_SAMPLE_BYTES) {
        continue;
      }
      String folder = BoilerplateLines.folderOf(file.relativePath());
      try {
        reader.read(file, raw -> builder.add(folder, cleaner.clean(raw).text()));
      } catch (IngestException | IOException | RuntimeException e) {
        // counted as no document; the indexing pass names the file and why
      }
    }
    return builder.build();
  }

  private enum Kind {
    NEW,
    CHANGED,
    UNCHANGED,
    FAILED
  }

  private record Outcome(Kind kind, long documents, String error) {}

  /**
   * Reads one file into the index. The file's old documents are deleted just before its first new
   * one is written, so a file that fails before yielding anything keeps its old documents.
   *
   * <p>A file of many documents (WARC, JSON Lines) is read on this thread while its documents are
   * cleaned, detected and indexed on the {@link DocumentWorkers}, so one large export still uses
   * every core. A document that cannot be cleaned is then skipped and counted, and the file is
   * reported with the first reason, its other documents kept.
   *
   * @throws IOException only when the index itself fails
   */
  private Outcome indexFile(
      DocumentIndex index,
      CorpusFile file,
      FileStamp old,
      BoilerplateLines boilerplate,
      DocumentWorkers workers)
      throws IOException {
    String hash;
    try {
      hash = SourceReader.contentHash(file);
    } catch (IOException e) {
      return new Outcome(Kind.FAILED, 0, "cannot read: " + e.getMessage());
    }
    if (old != null && old.hash().equals(hash)) {
      return new Outcome(Kind.UNCHANGED, 0, null);
    }
    String name = file.relativePath();
    String folder = BoilerplateLines.folderOf(name);
    boolean manyDocuments =
        file.format() == SourceFormat.WARC || file.format() == SourceFormat.JSONL;
    DocumentWorkers.Batch batch = workers.batch();
    boolean[] cleared = {false};
    String error = null;
    try {
      reader.read(
          file,
          raw -> {
            try {
              // A single-document file is cleaned first, so one that fails keeps its old documents.
              CleanDocument clean = manyDocuments ? null : cleaner.clean(raw);
              if (!cleared[0]) {
                index.deleteFile(name);
                cleared[0] = true;
              }
              if (clean == null) {
                batch.submit(() -> add(index, raw, name, folder, boilerplate));
              } else {
                index.add(indexed(clean, name, folder, boilerplate));
                batch.countInline();
              }
            } catch (IOException e) {
              throw new IndexFailure(e);
            }
          });
    } catch (IndexFailure e) {
      batch.await();
      throw e.getCause();
    } catch (IngestException e) {
      error = e.getMessage();
    } catch (IOException | RuntimeException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    batch.await();
    if (batch.indexFailure() != null) {
      throw batch.indexFailure();
    }
    if (error == null && batch.skipped() > 0) {
      error = batch.skipped() + " documents skipped; the first: " + batch.firstSkipReason();
    }
    long written = batch.written();
    if (error != null && !cleared[0]) {
      return new Outcome(Kind.FAILED, 0, error);
    }
    if (!cleared[0]) {
      index.deleteFile(name);
    }
    String recorded = error == null ? hash : FileStamp.PARTIAL + hash;
    index.recordFile(new FileStamp(name, recorded, file.size(), file.modifiedMillis()));
    if (error != null) {
      return new Outcome(Kind.FAILED, written, error + " (" + written + " documents kept)");
    }
    return new Outcome(old == null ? Kind.NEW : Kind.CHANGED, written, null);
  }

  /** Cleans, detects and indexes one document of a many-document file (on a document worker). */
  private void add(
      DocumentIndex index,
      RawDocument raw,
      String name,
      String folder,
      BoilerplateLines boilerplate)
      throws IngestException, IOException {
    index.add(indexed(cleaner.clean(raw), name, folder, boilerplate));
  }

  private IndexedDocument indexed(
      CleanDocument clean, String name, String folder, BoilerplateLines boilerplate) {
    Detection detection =
        profile == AnalysisProfile.STANDARD
            ? Detection.UNDETERMINED
            : detector.detect(clean.text(), clean.langHint());
    return new IndexedDocument(
        clean, detection, name, boilerplate.searchable(folder, clean.text()));
  }

  /** Carries a failure of the index itself (disk full, closed writer), which ends the run. */
  private static final class IndexFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IndexFailure(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }
}
