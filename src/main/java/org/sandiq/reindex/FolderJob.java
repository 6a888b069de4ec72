package org.sandiq.reindex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.sandiq.index.FileStamp;
import org.sandiq.ingest.BoilerplateLines;
import org.sandiq.ingest.CorpusFile;

/**
 * The files of one folder, as a chain of tasks on the reindex pool that never blocks a pool thread
 * on another task: read and clean its small text files in parallel, learn the folder's boilerplate
 * lines from them, then prepare and index every changed file of the folder in parallel.
 */
final class FolderJob {
  private final FileIndexer files;
  private final Executor pool;
  private final Map<String, FileStamp> known;
  private final Reindexer.Progress progress;

  FolderJob(
      FileIndexer files, Executor pool, Map<String, FileStamp> known, Reindexer.Progress progress) {
    this.files = files;
    this.pool = pool;
    this.known = known;
    this.progress = progress;
  }

  /**
   * Indexes {@code toRead}, the changed files of {@code folder}.
   *
   * @param texts the folder's small text files, changed or not, to learn its boilerplate lines from
   * @param hold whether the texts may wait in memory between learning and indexing (read once);
   *     otherwise they are read once for learning and again for indexing
   */
  CompletableFuture<Void> run(
      String folder, List<CorpusFile> toRead, List<CorpusFile> texts, boolean hold) {
    if (texts.isEmpty()) {
      return indexAll(toRead, List.of(), BoilerplateLines.none());
    }
    Set<CorpusFile> changed = new HashSet<>(toRead);
    BoilerplateLines.Builder builder = new BoilerplateLines.Builder();
    List<FileIndexer.LooseRead> held = new ArrayList<>();
    List<CompletableFuture<Void>> reads = new ArrayList<>();
    for (CorpusFile file : texts) {
      reads.add(
          CompletableFuture.runAsync(
              () -> {
                if (progress.fatal() != null) {
                  return;
                }
                FileIndexer.LooseRead read = files.readLoose(file, stamp(file), true);
                synchronized (builder) {
                  if (read.clean() != null) {
                    builder.add(folder, read.clean().text());
                  }
                  if (hold && changed.contains(file)) {
                    held.add(read);
                  }
                }
              },
              pool));
    }
    return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
        .thenComposeAsync(
            v -> {
              BoilerplateLines boilerplate;
              synchronized (builder) {
                boilerplate = builder.build();
              }
              Set<CorpusFile> done = new HashSet<>();
              held.forEach(r -> done.add(r.file()));
              List<CorpusFile> rest = toRead.stream().filter(f -> !done.contains(f)).toList();
              return indexAll(rest, held, boilerplate);
            },
            pool);
  }

  private CompletableFuture<Void> indexAll(
      List<CorpusFile> toRead, List<FileIndexer.LooseRead> read, BoilerplateLines boilerplate) {
    List<CompletableFuture<Void>> tasks = new ArrayList<>();
    for (FileIndexer.LooseRead r : read) {
      tasks.add(task(r.file(), () -> files.index(r, stamp(r.file()), boilerplate)));
    }
    for (CorpusFile file : toRead) {
      tasks.add(task(file, () -> files.index(file, stamp(file), boilerplate)));
    }
    return CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new));
  }

  @FunctionalInterface
  private interface Indexing {
    FileIndexer.Outcome run() throws IOException;
  }

  /** One file's indexing on the pool; a failure of the index stops the run. */
  private CompletableFuture<Void> task(CorpusFile file, Indexing indexing) {
    return CompletableFuture.runAsync(
        () -> {
          if (progress.fatal() != null) {
            return;
          }
          try {
            progress.record(file, indexing.run());
          } catch (IOException e) {
            progress.fail(e);
            throw new UncheckedIOException(e);
          }
        },
        pool);
  }

  private FileStamp stamp(CorpusFile file) {
    return known.get(file.relativePath());
  }
}
