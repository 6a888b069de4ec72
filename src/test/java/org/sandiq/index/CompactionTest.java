package org.sandiq.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.ingest.CleanDocument;

/**
 * A rebuild that will be compacted puts merges off (the compaction would rewrite them), and the
 * compaction then merges everything, so no merge of a rebuild is done twice; a large index is
 * merged into balanced parts at once.
 */
class CompactionTest {
  @TempDir Path dir;

  private static int segments(Path index) throws Exception {
    try (FSDirectory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.leaves().size();
    }
  }

  /** A writer that merges nothing on its own: each commit leaves its segment as it is. */
  private static IndexWriter writerWithoutMerges(FSDirectory directory) throws java.io.IOException {
    IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
    config.setMergePolicy(NoMergePolicy.INSTANCE);
    return new IndexWriter(directory, config);
  }

  private static Document document(String text) {
    Document doc = new Document();
    doc.add(new TextField("text", text, Field.Store.YES));
    return doc;
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

  @Test
  void anIndexIsMergedIntoOnePartPerCpuAndPerPartSizeAndNeverPastTheCeiling() {
    long gb = 1L << 30;
    assertEquals(1, Compaction.parts(500L << 20, 2), "a small index becomes one segment");
    assertEquals(1, Compaction.parts(gb + gb / 2, 16), "under two parts' worth: one segment");
    assertEquals(2, Compaction.parts(2 * gb + gb / 3, 2));
    assertEquals(1, Compaction.parts(2 * gb + gb / 3, 1), "one CPU: nothing to merge beside");
    assertEquals(2, Compaction.parts(2 * gb + gb / 3, 16), "no part under a gigabyte");
    assertEquals(3, Compaction.parts(12 * gb, 1), "no part over Lucene's 5 GB ceiling");
    assertEquals(1, Compaction.segments(2 * gb + gb / 3), "parts are merged into one segment");
    assertEquals(3, Compaction.segments(12 * gb), "... or one per 5 GB");
    assertEquals(12, Compaction.parts(12 * gb, 16));
  }

  @Test
  void segmentsAreSharedOutSoThePartsWeighAlike() {
    long[] sizes = {10, 1, 9, 1, 8, 1, 7, 3};
    int[] group = Compaction.balance(sizes, 3);
    long[] totals = new long[3];
    for (int i = 0; i < sizes.length; i++) {
      totals[group[i]] += sizes[i];
    }
    Arrays.sort(totals);
    assertEquals(40, Arrays.stream(totals).sum());
    assertTrue(totals[0] > 0, "every part gets segments: " + Arrays.toString(totals));
    // Largest first into the lightest part: no part more than the largest segment above another.
    assertTrue(totals[2] - totals[0] <= 10, Arrays.toString(totals));
    assertEquals("[12, 13, 15]", Arrays.toString(totals));
  }

  @Test
  void aCompactionIntoPartsKeepsEveryDocumentAndMergesThePartsOnly() throws Exception {
    Path index = dir.resolve("parts");
    int documents = 0;
    try (FSDirectory directory = FSDirectory.open(index);
        IndexWriter writer = writerWithoutMerges(directory)) {
      for (int segment = 0; segment < 9; segment++) {
        for (int i = 0; i <= segment * 3; i++) {
          writer.addDocument(document("caravan " + segment + " " + i));
          documents++;
        }
        writer.commit();
      }
      assertEquals(9, segments(index));
      Compaction.run(writer, 3, 3);
      writer.commit();
    }
    try (FSDirectory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      assertEquals(3, reader.leaves().size());
      assertEquals(documents, reader.numDocs());
      long[] sizes = new long[3];
      for (LeafReaderContext leaf : reader.leaves()) {
        sizes[leaf.ord] = leaf.reader().maxDoc();
        assertTrue(((SegmentReader) leaf.reader()).getSegmentInfo().info.name.startsWith("_"));
      }
      Arrays.sort(sizes);
      assertTrue(sizes[2] < 2 * sizes[0], "parts of like size: " + Arrays.toString(sizes));
    }
  }

  @Test
  void thePartsAreThenMergedIntoTheSegmentsKept() throws Exception {
    Path index = dir.resolve("two-steps");
    try (FSDirectory directory = FSDirectory.open(index);
        IndexWriter writer = writerWithoutMerges(directory)) {
      for (int segment = 0; segment < 7; segment++) {
        writer.addDocument(document("caravan " + segment));
        writer.commit();
      }
      Compaction.run(writer, 2, 1);
      writer.commit();
    }
    try (FSDirectory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      assertEquals(1, reader.leaves().size());
      assertEquals(7, reader.numDocs());
    }
  }

  @Test
  void aSegmentWithDeletedDocumentsIsRewrittenWithoutThem() throws Exception {
    Path index = dir.resolve("deletes");
    try (FSDirectory directory = FSDirectory.open(index);
        IndexWriter writer = writerWithoutMerges(directory)) {
      for (int i = 0; i < 4; i++) {
        writer.addDocument(document("d" + i));
      }
      writer.deleteDocuments(new org.apache.lucene.index.Term("text", "d1"));
      writer.commit();
      Compaction.run(writer, 1, 1);
      writer.commit();
    }
    try (FSDirectory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      assertEquals(1, reader.leaves().size());
      assertEquals(3, reader.numDocs());
      assertEquals(3, reader.maxDoc(), "the deleted document is gone, not only marked");
    }
  }
}
