package org.sandiq.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.index.LuceneIndex;
import org.sandiq.ingest.Corpus;
import org.sandiq.reindex.ReindexListener;
import org.sandiq.reindex.ReindexReport;
import org.sandiq.reindex.Reindexer;

/** Where the test inputs are, and a one-call reindex for tests that need a real index. */
public final class Fixtures {
  private Fixtures() {}

  /** The project's shipped sample corpus (always present in a checkout). */
  public static Path shippedCorpus() {
    return Path.of(System.getProperty("sandiq.corpus", "corpus")).toAbsolutePath().normalize();
  }

  /** The raw seed document, as shipped in the corpus. */
  public static Path seed() {
    return shippedCorpus().resolve("seed/000_7171e9ebea0e3f35.txt");
  }

  /** A file of the team's shared data folder; the test is skipped (with why) when it is absent. */
  public static Path shared(String relative) {
    return SharedData.file(relative);
  }

  /** Copies a shipped-corpus file to {@code corpus/relative}. */
  public static void copyShipped(Path corpus, String shippedRelative, String relative)
      throws IOException {
    Path target = corpus.resolve(relative);
    Files.createDirectories(target.getParent());
    Files.copy(shippedCorpus().resolve(shippedRelative), target);
  }

  /** Writes {@code text} as UTF-8 to {@code corpus/relative}. */
  public static Path write(Path corpus, String relative, String text) throws IOException {
    Path target = corpus.resolve(relative);
    Files.createDirectories(target.getParent());
    return Files.writeString(target, text, StandardCharsets.UTF_8);
  }

  /** Runs an incremental (or full) reindex of {@code corpus} into {@code index}. */
  public static ReindexReport reindex(Path corpus, Path index, boolean full) throws IOException {
    return reindex(corpus, index, full, AnalysisProfile.MULTILINGUAL);
  }

  /** A reindex with the analysis {@code profile}. */
  public static ReindexReport reindex(
      Path corpus, Path index, boolean full, AnalysisProfile profile) throws IOException {
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneIndex lucene =
            LuceneIndex.open(
                index,
                new FieldAnalyzers(analyzers, profile),
                full ? LuceneIndex.Mode.REBUILD : LuceneIndex.Mode.UPDATE)) {
      return new Reindexer(new Corpus(corpus), new LanguageDetector(), 2, profile)
          .run(lucene, full, ReindexListener.NONE);
    }
  }
}
