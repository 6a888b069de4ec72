package org.sandiq.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.ingest.CleanDocument;

/**
 * A rebuild that will be compacted puts merges off (the compaction would rewrite them), and the
 * compaction then merges everything, so no merge of a rebuild is done twice.
 */
class CompactionTest {
  @TempDir Path dir;

  private static int segments(Path index) throws Exception {
    try (FSDirectory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.leaves().size();
    }
  }

  /** Commits {@code commits} one-document segments, after {@code willCompact} when asked. */
  private void write(LuceneIndex index, int commits, boolean willCompact) throws Exception {
    DocumentPreparation preparation =
        new DocumentPreparation(AnalysisProfile.MULTILINGUAL, new LanguageDetector());
    if (willCompact) {
      index.willCompact();
    }
    for (int i = 0; i < commits; i++) {
      CleanDocument doc =
          new CleanDocument(
              "d" + i, "f" + i + ".txt", "Note " + i, "Caravan " + i, null, "s", "f", null);
      index.add(preparation.prepare(doc, "f" + i + ".txt"));
      index.commit(); // a segment each
    }
  }

  @Test
  void aRebuildThatWillBeCompactedMergesOnlyInTheCompaction() throws Exception {
    int commits = 2 * 10 + 5; // more than the default merge policy's ten segments per tier
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
      FieldAnalyzers fields = new FieldAnalyzers(analyzers);
      Path plain = dir.resolve("plain");
      try (LuceneIndex index = LuceneIndex.open(plain, fields, LuceneIndex.Mode.REBUILD)) {
        write(index, commits, false);
      }
      assertTrue(segments(plain) < commits, "the merge policy merged: " + segments(plain));

      Path rebuilt = dir.resolve("rebuilt");
      try (LuceneIndex index = LuceneIndex.open(rebuilt, fields, LuceneIndex.Mode.REBUILD)) {
        write(index, commits, true);
        assertEquals(commits, segments(rebuilt), "nothing merged before the compaction");
        index.compact();
        index.commit();
      }
      assertEquals(1, segments(rebuilt));
    }
  }
}
