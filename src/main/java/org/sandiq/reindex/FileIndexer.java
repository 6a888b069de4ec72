package org.sandiq.reindex;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.sandiq.index.DocumentIndex;
import org.sandiq.index.DocumentPreparation;
import org.sandiq.index.FileStamp;
import org.sandiq.ingest.ArchiveSummary;
import org.sandiq.ingest.BoilerplateLines;
import org.sandiq.ingest.CleanDocument;
import org.sandiq.ingest.CorpusFile;
import org.sandiq.ingest.IngestException;
import org.sandiq.ingest.RawDocument;
import org.sandiq.ingest.RevisitElsewhere;
import org.sandiq.ingest.SourceFormat;
import org.sandiq.ingest.SourceReader;

/**
 * Indexes one corpus file: reads it, decides whether it changed, and replaces its documents. The
 * file's old documents are deleted just before its new ones are written, so a file that fails
 * before yielding anything keeps its old documents, and the next run tries it again.
 *
 * <p>A loose file (text, HTML) is read once: its hash comes from the bytes read, and its one
 * document is cleaned from them. A file of many documents (WARC, JSON Lines) is hashed first (an
 * unchanged export is not parsed at all), then read on this thread while its documents are cleaned,
 * prepared and indexed on the {@link DocumentWorkers}, so one large export still uses every core. A
 * document that cannot be cleaned is then skipped and counted, and the file is reported with the
 * first reason, its other documents kept. A web archive is read past damaged records; one with
 * damage is reported the same way, with its first damaged place.
 */
final class FileIndexer {
  private final DocumentIndex index;
  private final DocumentPreparation preparation;
  private final DocumentWorkers workers;
  private final RevisitsElsewhere revisits;
  private final SourceReader reader = new SourceReader();

  FileIndexer(
      DocumentIndex index,
      DocumentPreparation preparation,
      DocumentWorkers workers,
      RevisitsElsewhere revisits) {
    this.index = index;
    this.preparation = preparation;
    this.workers = workers;
    this.revisits = revisits;
  }

  enum Kind {
    NEW,
    CHANGED,
    UNCHANGED,
    FAILED
  }

  /** What indexing one file did; {@code archive} is what a web archive's records were, or null. */
  record Outcome(Kind kind, long documents, String error, ArchiveSummary archive) {
    Outcome(Kind kind, long documents, String error) {
      this(kind, documents, error, null);
    }
  }

  /**
   * A loose file read and cleaned, not yet indexed: the unit a folder's boilerplate is learnt from.
   *
   * @param clean its document, or null when reading or cleaning failed ({@link #error})
   * @param error why reading or cleaning failed; beside a document, why only part of the file was
   *     read (a truncated gzip file), so the file is reported and tried again on the next run
   */
  record LooseRead(CorpusFile file, String hash, CleanDocument clean, String error) {}

  static boolean isLoose(CorpusFile file) {
    return file.format() == SourceFormat.TEXT || file.format() == SourceFormat.HTML;
  }

  /**
   * Reads a loose file once and cleans it, unless it is unchanged since {@code old} and its text is
   * not wanted for learning. Never throws: a failure is the read's error.
   */
  LooseRead readLoose(CorpusFile file, FileStamp old, boolean forLearning) {
    RawDocument[] raw = {null};
    String damage = null;
    try {
      reader.read(file, document -> raw[0] = document);
    } catch (IngestException e) {
      if (raw[0] == null) {
        return new LooseRead(file, null, null, e.getMessage());
      }
      damage = e.getMessage(); // the part before the damage was passed on: it is indexed
    } catch (IOException | RuntimeException e) {
      return new LooseRead(file, null, null, "cannot read: " + e.getMessage());
    }
    String hash;
    try {
      hash = hashOf(file, raw[0]);
    } catch (IOException e) {
      return new LooseRead(file, null, null, "cannot read: " + e.getMessage());
    }
    if (!forLearning && old != null && old.hash().equals(hash)) {
      return new LooseRead(file, hash, null, null);
    }
    try {
      return new LooseRead(file, hash, preparation.clean(raw[0]), damage);
    } catch (IngestException e) {
      return new LooseRead(file, hash, null, e.getMessage());
    } catch (RuntimeException e) {
      return new LooseRead(file, hash, null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * The hash an incremental run compares: SHA-256 of the file's bytes. A loose file's raw body is
   * its bytes, so they are hashed where they lie; a gzipped one is hashed from the file.
   */
  private static String hashOf(CorpusFile file, RawDocument raw) throws IOException {
    if (file.relativePath().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      return SourceReader.contentHash(file);
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.body()));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }

  /**
   * Indexes a loose file already read, with its folder's {@code boilerplate}.
   *
   * @throws IOException only when the index itself fails
   */
  Outcome index(LooseRead read, FileStamp old, BoilerplateLines boilerplate) throws IOException {
    CorpusFile file = read.file();
    if (read.hash() != null && old != null && old.hash().equals(read.hash())) {
      return new Outcome(Kind.UNCHANGED, 0, null);
    }
    if (read.clean() == null) {
      return new Outcome(Kind.FAILED, 0, read.error());
    }
    String name = file.relativePath();
    var prepared = preparation.prepare(read.clean(), name, boilerplate);
    index.deleteFile(name);
    index.add(prepared);
    // A file read only in part is recorded as such, so the next run reads it again.
    String recorded = read.error() == null ? read.hash() : FileStamp.PARTIAL + read.hash();
    index.recordFile(new FileStamp(name, recorded, file.size(), file.modifiedMillis()));
    if (read.error() != null) {
      return new Outcome(Kind.FAILED, 1, read.error());
    }
    return new Outcome(old == null ? Kind.NEW : Kind.CHANGED, 1, null);
  }

  /**
   * Reads one file into the index.
   *
   * @throws IOException only when the index itself fails
   */
  Outcome index(CorpusFile file, FileStamp old, BoilerplateLines boilerplate) throws IOException {
    if (isLoose(file)) {
      return index(readLoose(file, old, false), old, boilerplate);
    }
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
    DocumentWorkers.Batch batch = workers.batch();
    boolean[] cleared = {false};
    String error = null;
    ArchiveSummary archive = null;
    try {
      archive =
          reader.read(
              file,
              new SourceReader.Sink() {
                @Override
                public void accept(RawDocument raw) {
                  try {
                    if (!cleared[0]) {
                      index.deleteFile(name);
                      cleared[0] = true;
                    }
                    batch.submit(() -> index.add(preparation.prepare(raw, name, boilerplate)));
                  } catch (IOException e) {
                    throw new IndexFailure(e);
                  }
                }

                @Override
                public void revisitElsewhere(RevisitElsewhere revisit) {
                  revisits.add(revisit);
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
    if (error == null && archive != null && !archive.intact()) {
      // Read past the damage: what was readable is indexed, the file is reported (and retried).
      int n = archive.damage().size();
      error =
          (n == 1 ? "1 damaged place at " : n + " damaged places, the first at ")
              + archive.damage().get(0);
    }
    long written = batch.written();
    if (error != null && !cleared[0]) {
      return new Outcome(Kind.FAILED, 0, error, archive);
    }
    if (!cleared[0]) {
      index.deleteFile(name);
    }
    String recorded = error == null ? hash : FileStamp.PARTIAL + hash;
    index.recordFile(new FileStamp(name, recorded, file.size(), file.modifiedMillis()));
    if (error != null) {
      return new Outcome(
          Kind.FAILED, written, error + " (" + written + " documents kept)", archive);
    }
    return new Outcome(old == null ? Kind.NEW : Kind.CHANGED, written, null, archive);
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
