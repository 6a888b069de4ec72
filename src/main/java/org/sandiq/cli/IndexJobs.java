package org.sandiq.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.index.LuceneIndex;
import org.sandiq.index.ReindexListener;
import org.sandiq.index.ReindexReport;
import org.sandiq.index.Reindexer;
import org.sandiq.ingest.Corpus;

/** Wires a reindex: corpus, detector, analyzers and the Lucene index, for reindex and serve. */
final class IndexJobs {
  private IndexJobs() {}

  static ReindexReport reindex(
      Path corpus, Path index, boolean full, LanguageAnalyzers analyzers, ReindexListener listener)
      throws IOException {
    LuceneIndex.Mode mode = full ? LuceneIndex.Mode.REBUILD : LuceneIndex.Mode.UPDATE;
    try (LuceneIndex lucene = LuceneIndex.open(index, new FieldAnalyzers(analyzers), mode)) {
      Reindexer reindexer =
          new Reindexer(
              new Corpus(corpus),
              new LanguageDetector(),
              Runtime.getRuntime().availableProcessors());
      return reindexer.run(lucene, full, listener);
    }
  }
}
