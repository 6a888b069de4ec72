package org.sandiq.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FreqAndNormBuffer;
import org.apache.lucene.index.Impacts;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The codec writes what Lucene's own writes: the same norms and, above all, the same impacts (the
 * per-block best (frequency, norm) pairs block-max scoring skips by, which the postings writer
 * computes from the norms {@link OnceReadNormsFormat} hands it), after flushes and after a merge,
 * for fields every document has and fields one in forty has.
 */
class OnceReadNormsFormatTest {
  private static final String[] FIELDS = {"every", "rare", "rarer"};

  @TempDir Path dir;

  @Test
  void flushesAndMergesWriteLucenesNormsAndImpacts() throws IOException {
    try (Directory lucene = build(dir.resolve("lucene"), new Lucene104Codec(), false);
        Directory sandiq = build(dir.resolve("sandiq"), new SandiqCodec(), false)) {
      assertSame(lucene, sandiq, 4);
    }
    try (Directory lucene = build(dir.resolve("lucene-merged"), new Lucene104Codec(), true);
        Directory sandiq = build(dir.resolve("sandiq-merged"), new SandiqCodec(), true)) {
      assertSame(lucene, sandiq, 1);
      for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(sandiq)) {
        assertEquals(SandiqCodec.NAME, segment.info.getCodec().getName());
      }
    }
  }

  @Test
  void luceneFindsTheCodecByItsName() throws IOException {
    assertEquals(SandiqCodec.NAME, Codec.forName(SandiqCodec.NAME).getName());
  }

  /** 12,000 documents in flushes of 3,000; the rare fields in one of 40 and one of 400. */
  private static Directory build(Path path, Codec codec, boolean merge) throws IOException {
    Directory directory = FSDirectory.open(path);
    IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
    config.setCodec(codec);
    config.setSimilarity(Ranking.similarity());
    config.setMaxBufferedDocs(3_000);
    config.setRAMBufferSizeMB(IndexWriterConfig.DISABLE_AUTO_FLUSH);
    config.setMergeScheduler(new SerialMergeScheduler());
    LogDocMergePolicy noMerges = new LogDocMergePolicy();
    noMerges.setMergeFactor(1_000);
    config.setMergePolicy(noMerges);
    Random random = new Random(42);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (int i = 0; i < 12_000; i++) {
        Document doc = new Document();
        doc.add(new TextField("every", words(random, 1 + random.nextInt(40)), Field.Store.NO));
        if (i % 40 == 7) {
          doc.add(new TextField("rare", words(random, 1 + random.nextInt(2_000)), Field.Store.NO));
        }
        if (i % 400 == 11) {
          doc.add(new TextField("rarer", words(random, 1 + random.nextInt(300)), Field.Store.NO));
        }
        writer.addDocument(doc);
      }
      if (merge) {
        writer.forceMerge(1);
      }
      writer.commit();
    }
    return directory;
  }

  /** Words from a skewed vocabulary, so terms have long and short postings and many frequencies. */
  private static String words(Random random, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      int rank = (int) Math.floor(Math.pow(random.nextDouble(), 3) * 5_000);
      text.append('w').append(rank).append(' ');
    }
    return text.toString();
  }

  private static void assertSame(Directory expected, Directory actual, int segments)
      throws IOException {
    try (DirectoryReader a = DirectoryReader.open(expected);
        DirectoryReader b = DirectoryReader.open(actual)) {
      assertEquals(segments, a.leaves().size());
      assertEquals(segments, b.leaves().size());
      long impactsCompared = 0;
      for (int s = 0; s < segments; s++) {
        LeafReader x = a.leaves().get(s).reader();
        LeafReader y = b.leaves().get(s).reader();
        for (String field : FIELDS) {
          assertEquals(norms(x.getNormValues(field)), norms(y.getNormValues(field)), field);
          impactsCompared += assertSameImpacts(x.terms(field), y.terms(field), field);
        }
      }
      assertTrue(impactsCompared > 10_000, "compared " + impactsCompared + " impacts");
    }
  }

  private static List<Long> norms(NumericDocValues norms) throws IOException {
    List<Long> pairs = new ArrayList<>();
    for (int doc = norms.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = norms.nextDoc()) {
      pairs.add(((long) doc << 32) | (norms.longValue() & 0xFFFFFFFFL));
    }
    return pairs;
  }

  /** Every level of every block's impacts of every term, compared; returns how many were. */
  private static long assertSameImpacts(Terms expected, Terms actual, String field)
      throws IOException {
    TermsEnum x = expected.iterator();
    TermsEnum y = actual.iterator();
    long compared = 0;
    for (BytesRef term = x.next(); term != null; term = x.next()) {
      assertEquals(term, y.next(), field);
      ImpactsEnum ix = x.impacts(PostingsEnum.FREQS);
      ImpactsEnum iy = y.impacts(PostingsEnum.FREQS);
      for (int doc = ix.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ix.nextDoc()) {
        assertEquals(doc, iy.nextDoc());
        ix.advanceShallow(doc);
        iy.advanceShallow(doc);
        Impacts a = ix.getImpacts();
        Impacts b = iy.getImpacts();
        assertEquals(a.numLevels(), b.numLevels());
        for (int level = 0; level < a.numLevels(); level++) {
          assertEquals(a.getDocIdUpTo(level), b.getDocIdUpTo(level));
          FreqAndNormBuffer left = a.getImpacts(level);
          FreqAndNormBuffer right = b.getImpacts(level);
          assertEquals(left.size, right.size, field + " " + term.utf8ToString());
          for (int i = 0; i < left.size; i++) {
            assertEquals(left.freqs[i], right.freqs[i]);
            assertEquals(left.norms[i], right.norms[i], field + " " + term.utf8ToString());
            compared++;
          }
        }
      }
    }
    return compared;
  }
}
