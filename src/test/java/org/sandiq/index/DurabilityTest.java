package org.sandiq.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexOutput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.ingest.Corpus;
import org.sandiq.reindex.ReindexListener;
import org.sandiq.reindex.ReindexReport;
import org.sandiq.reindex.Reindexer;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.search.SearchRequest;
import org.sandiq.testing.Fixtures;

/**
 * Nothing is lost: a reindex killed at random moments leaves an index that opens, passes CheckIndex
 * and serves its last commit; a full disk or an unwritable folder is a clear error with the live
 * index untouched; searches during a rebuild see the old or the new index, never a half-built one.
 */
class DurabilityTest {
  @TempDir Path dir;

  static long count(Path index) throws IOException {
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(index, new FieldAnalyzers(analyzers))) {
      return search.documentCount();
    }
  }

  static void assertClean(Path index) throws IOException {
    try (FSDirectory directory = FSDirectory.open(index);
        CheckIndex checker = new CheckIndex(directory)) {
      CheckIndex.Status status = checker.checkIndex();
      assertTrue(status.clean, "CheckIndex finds the index clean");
    }
  }

  /** Writes {@code n} small documents; returns the corpus. */
  Path corpus(String name, int n, String word) throws IOException {
    Path corpus = dir.resolve(name);
    for (int i = 0; i < n; i++) {
      Fixtures.write(
          corpus, "d/" + i + ".txt", "Doc " + i + "\n\nA " + word + " note number " + i + ".");
    }
    return corpus;
  }

  @Test
  void unwritableIndexFolderIsAClearError() throws IOException {
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a folder");
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
      IOException e =
          assertThrows(
              IOException.class,
              () ->
                  LuceneIndex.open(
                      blocker.resolve("index"),
                      new FieldAnalyzers(analyzers),
                      LuceneIndex.Mode.UPDATE));
      assertTrue(e.getMessage().startsWith("cannot write the index at"), e.getMessage());
    }
  }

  /** A directory whose disk fills up after {@code budget} bytes. */
  static final class FullDisk extends FilterDirectory {
    private long budget;

    FullDisk(Directory in, long budget) {
      super(in);
      this.budget = budget;
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
      return new FilterIndexOutput("full disk", name, in.createOutput(name, context)) {
        @Override
        public void writeByte(byte b) throws IOException {
          spend(1);
          super.writeByte(b);
        }

        @Override
        public void writeBytes(byte[] b, int offset, int length) throws IOException {
          spend(length);
          super.writeBytes(b, offset, length);
        }
      };
    }

    private synchronized void spend(long bytes) throws IOException {
      budget -= bytes;
      if (budget < 0) {
        throw new IOException("No space left on device");
      }
    }
  }

  @Test
  void fullDiskFailsTheRebuildAndLeavesTheLiveIndexUntouched() throws Exception {
    Path index = dir.resolve("index");
    Path small = corpus("small", 20, "caravan");
    assertTrue(Fixtures.reindex(small, index, false).succeeded());
    Path bigger = corpus("bigger", 300, "ferry");
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
      LuceneIndex failing =
          LuceneIndex.open(
              new FullDisk(FSDirectory.open(index), 20_000),
              "index",
              new FieldAnalyzers(analyzers),
              LuceneIndex.Mode.REBUILD);
      Reindexer reindexer = new Reindexer(new Corpus(bigger), new LanguageDetector(), 2);
      IOException e =
          assertThrows(IOException.class, () -> reindexer.run(failing, true, ReindexListener.NONE));
      failing.close();
      assertTrue(String.valueOf(e).contains("No space left") || e.getCause() != null, "" + e);
    }
    assertClean(index);
    assertEquals(20, count(index), "the live index is the one before");
  }

  @Test
  void searchesDuringARebuildSeeTheOldOrTheNewIndex() throws Exception {
    Path index = dir.resolve("index");
    assertTrue(Fixtures.reindex(corpus("v1", 50, "caravan"), index, false).succeeded());
    Path v2 = corpus("v2", 150, "caravan");
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Long> seen = new ArrayList<>();
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(index, new FieldAnalyzers(analyzers))) {
      Thread rebuild =
          new Thread(
              () -> {
                try {
                  Fixtures.reindex(v2, index, true);
                } catch (Throwable t) {
                  failure.set(t);
                } finally {
                  done.set(true);
                }
              });
      rebuild.start();
      while (!done.get()) {
        search.refresh();
        seen.add(search.search(SearchRequest.of("caravan")).total());
      }
      rebuild.join();
      search.refresh();
      seen.add(search.search(SearchRequest.of("caravan")).total());
    }
    assertEquals(null, failure.get());
    assertTrue(
        Set.of(50L, 150L).containsAll(seen), "only whole indexes were seen: " + Set.copyOf(seen));
    assertEquals(150L, seen.get(seen.size() - 1));
  }

  @Test
  void killedReindexesLeaveAConsistentIndexAndARerunFinishes() throws Exception {
    Path corpus = dir.resolve("corpus");
    for (String lang : List.of("az", "en", "ru", "tr")) {
      Path from = Fixtures.shippedCorpus().resolve("ntrex").resolve(lang);
      try (var files = Files.list(from)) {
        for (Path f : files.toList()) {
          Fixtures.copyShipped(
              corpus, "ntrex/" + lang + "/" + f.getFileName(), lang + "/" + f.getFileName());
        }
      }
    }
    Path index = dir.resolve("index");
    Random random = new Random(2026);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    int kills = 0;
    for (int round = 0; round < 20; round++) {
      // Change a few files between rounds, so incremental runs have work to do.
      for (int i = 0; i < 5; i++) {
        Fixtures.write(
            corpus,
            "changes/" + random.nextInt(40) + ".txt",
            "Change " + round + "\n\nRound " + round + " text " + i + ".");
      }
      List<String> command =
          new ArrayList<>(
              List.of(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  "org.sandiq.cli.Main",
                  "reindex",
                  "--corpus",
                  corpus.toString(),
                  "--index",
                  index.toString()));
      if (round % 3 == 0) {
        command.add("--full");
      }
      Process child =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("child.log").toFile())
              .start();
      boolean finished = child.waitFor(200 + random.nextInt(3500), TimeUnit.MILLISECONDS);
      if (!finished) {
        child.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no cleanup
        kills++;
      }
      if (LuceneIndex.exists(index)) {
        assertClean(index);
        count(index); // it opens and serves its last commit
      }
    }
    assertTrue(kills >= 10, "most rounds were killed mid-run: " + kills);
    ReindexReport last = Fixtures.reindex(corpus, index, false);
    assertTrue(last.succeeded());
    assertClean(index);
    long files;
    try (var walk = Files.walk(corpus)) {
      files = walk.filter(p -> p.toString().endsWith(".txt")).count();
    }
    assertEquals(files, count(index), "every corpus file is indexed once");
  }
}
