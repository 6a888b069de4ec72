package org.sandiq.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.index.LuceneIndex;
import org.sandiq.ingest.Corpus;
import org.sandiq.opensearch.ClusterClient;
import org.sandiq.opensearch.IndexLayout;
import org.sandiq.opensearch.OpenSearchIndex;
import org.sandiq.reindex.ReindexListener;
import org.sandiq.reindex.ReindexReport;
import org.sandiq.reindex.Reindexer;

/** Wires a reindex: corpus, detector, analyzers and the Lucene index, for reindex and serve. */
final class IndexJobs {
  private IndexJobs() {}

  /** A reindex with the analysis the index already has (multilingual for a new index). */
  static ReindexReport reindex(
      Path corpus, Path index, boolean full, LanguageAnalyzers analyzers, ReindexListener listener)
      throws IOException {
    return reindex(corpus, index, full, true, null, analyzers, listener);
  }

  /**
   * @param compact merge a full rebuild into as few segments as its size allows
   * @param profile the analysis to build with, or null for the one the index records (a full
   *     rebuild without one is multilingual)
   */
  static ReindexReport reindex(
      Path corpus,
      Path index,
      boolean full,
      boolean compact,
      AnalysisProfile profile,
      LanguageAnalyzers analyzers,
      ReindexListener listener)
      throws IOException {
    LuceneIndex.Mode mode = full ? LuceneIndex.Mode.REBUILD : LuceneIndex.Mode.UPDATE;
    AnalysisProfile analysis =
        profile != null
            ? profile
            : full
                ? AnalysisProfile.MULTILINGUAL
                : LuceneIndex.recordedProfile(index).orElse(AnalysisProfile.MULTILINGUAL);
    try (LuceneIndex lucene =
        LuceneIndex.open(index, new FieldAnalyzers(analyzers, analysis), mode)) {
      Reindexer reindexer =
          new Reindexer(
              new Corpus(corpus),
              new LanguageDetector(),
              Runtime.getRuntime().availableProcessors(),
              analysis);
      return reindexer.run(lucene, full, compact, listener);
    }
  }

  /** A reindex into the OpenSearch index of {@code backend} (the multilingual analysis). */
  static ReindexReport reindexOpenSearch(
      Path corpus, BackendOptions backend, boolean full, ReindexListener listener)
      throws IOException {
    return reindexOpenSearch(corpus, backend, full, true, listener);
  }

  /** As above; {@code compact} false leaves a full rebuild's segments as they are. */
  static ReindexReport reindexOpenSearch(
      Path corpus, BackendOptions backend, boolean full, boolean compact, ReindexListener listener)
      throws IOException {
    IndexLayout layout = backend.layout();
    AnalysisProfile analysis = AnalysisProfile.MULTILINGUAL;
    try (ClusterClient cluster = backend.connect();
        OpenSearchIndex index =
            OpenSearchIndex.open(
                cluster,
                layout,
                analysis,
                full ? OpenSearchIndex.Mode.REBUILD : OpenSearchIndex.Mode.UPDATE)) {
      Reindexer reindexer =
          new Reindexer(
              new Corpus(corpus),
              new LanguageDetector(),
              Runtime.getRuntime().availableProcessors(),
              analysis);
      return reindexer.run(index, full, compact, listener);
    }
  }

  /** The analyzers searches of the index at {@code index} need: those it was built with. */
  static FieldAnalyzers searchAnalyzers(Path index, LanguageAnalyzers analyzers)
      throws IOException {
    return new FieldAnalyzers(
        analyzers, LuceneIndex.recordedProfile(index).orElse(AnalysisProfile.MULTILINGUAL));
  }
}
