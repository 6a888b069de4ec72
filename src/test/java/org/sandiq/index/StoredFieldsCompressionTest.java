package org.sandiq.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored-fields decompressor gives what Lucene's own gives, for every range of a block; the
 * codec's indexes are read by Lucene's codec and the other way round; and Lucene's own
 * stored-fields format opens the segments this codec writes, so a later codec can read them without
 * this class.
 */
class StoredFieldsCompressionTest {
  @TempDir Path dir;

  @Test
  void decodesEveryRangeOfABlockAsLucenesDecompressorDoes() throws IOException {
    Random random = new Random(20261205);
    Decompressor ours = StoredFieldsCompression.INSTANCE.newDecompressor();
    Decompressor lucene = Lucene90StoredFieldsFormat.BEST_SPEED_MODE.newDecompressor();
    // Empty, tiny, one sub-block, a whole 80 KB block, and the larger blocks of a long document.
    for (int length : new int[] {0, 1, 19, 20, 300, 8191, 81_920, 100_003, 400_000}) {
      byte[] original = text(random, length);
      byte[] compressed = compress(original);
      List<int[]> ranges = new ArrayList<>();
      ranges.add(new int[] {0, length});
      for (int i = 0; i < 40 && length > 0; i++) {
        int from = random.nextInt(length);
        ranges.add(new int[] {from, random.nextInt(length - from + 1)});
      }
      for (int[] range : ranges) {
        BytesRef expected = new BytesRef();
        lucene.decompress(new ByteArrayDataInput(compressed), length, range[0], range[1], expected);
        BytesRef actual = new BytesRef();
        ours.decompress(new ByteArrayDataInput(compressed), length, range[0], range[1], actual);
        assertEquals(expected, actual, "length " + length + " range " + Arrays.toString(range));
        assertArrayEquals(
            Arrays.copyOfRange(original, range[0], range[0] + range[1]),
            BytesRef.deepCopyOf(actual).bytes);
      }
    }
  }

  @Test
  void aTruncatedBlockFailsToReadRatherThanGivingWrongBytes() throws IOException {
    byte[] original = text(new Random(7), 50_000);
    byte[] compressed = compress(original);
    Decompressor ours = StoredFieldsCompression.INSTANCE.newDecompressor();
    ByteBuffersDataInput cut =
        new ByteBuffersDataInput(
            List.of(java.nio.ByteBuffer.wrap(Arrays.copyOf(compressed, compressed.length / 2))));
    assertThrows(
        EOFException.class,
        () -> ours.decompress(cut, original.length, 0, original.length, new BytesRef()));
  }

  @Test
  void indexesOfEitherCodecAreReadByTheOther() throws IOException {
    Random random = new Random(42);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      // Mostly short documents several to a block, some longer than a block.
      int length = i % 50 == 0 ? 150_000 + random.nextInt(100_000) : random.nextInt(3_000);
      values.add(new String(text(random, length), java.nio.charset.StandardCharsets.ISO_8859_1));
    }
    for (Codec writer : new Codec[] {new SandiqCodec(), new Lucene104Codec()}) {
      Path path = dir.resolve(writer.getName());
      try (Directory directory = FSDirectory.open(path)) {
        IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer()).setCodec(writer);
        try (IndexWriter w = new IndexWriter(directory, config)) {
          for (int i = 0; i < values.size(); i++) {
            Document d = new Document();
            d.add(new StoredField("n", i));
            d.add(new StoredField("text", values.get(i)));
            w.addDocument(d);
            if (i == 300) {
              w.commit();
            }
          }
          w.forceMerge(1); // a merge reads the segments back and writes them again
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
          StoredFields stored = reader.leaves().get(0).reader().storedFields();
          for (int doc = 0; doc < reader.maxDoc(); doc++) {
            Document d = stored.document(doc);
            assertEquals(values.get(d.getField("n").numericValue().intValue()), d.get("text"));
          }
        }
      }
    }
  }

  @Test
  void lucenesOwnFormatReadsTheSegmentsThisCodecWrites() throws IOException {
    Random random = new Random(11);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      values.add(
          new String(
              text(random, i % 100 == 0 ? 120_000 : random.nextInt(2_000)),
              java.nio.charset.StandardCharsets.ISO_8859_1));
    }
    try (Directory directory = FSDirectory.open(dir.resolve("plain-reader"))) {
      TieredMergePolicy merges = new TieredMergePolicy();
      merges.setNoCFSRatio(0); // the segment's files as they are, not in a compound file
      IndexWriterConfig config =
          new IndexWriterConfig(new WhitespaceAnalyzer())
              .setCodec(new SandiqCodec())
              .setUseCompoundFile(false)
              .setMergePolicy(merges);
      try (IndexWriter w = new IndexWriter(directory, config)) {
        for (String value : values) {
          Document d = new Document();
          d.add(new StoredField("text", value));
          w.addDocument(d);
        }
      }
      SegmentInfo segment = SegmentInfos.readLatestCommit(directory).info(0).info;
      assertEquals(
          Lucene90StoredFieldsFormat.Mode.BEST_SPEED.name(),
          segment.getAttribute(Lucene90StoredFieldsFormat.MODE_KEY));
      FieldInfos fields =
          segment.getCodec().fieldInfosFormat().read(directory, segment, "", IOContext.DEFAULT);
      try (StoredFieldsReader lucene =
          new Lucene90StoredFieldsFormat()
              .fieldsReader(directory, segment, fields, IOContext.DEFAULT)) {
        for (int doc = 0; doc < values.size(); doc++) {
          DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor();
          lucene.document(doc, visitor);
          assertEquals(values.get(doc), visitor.getDocument().get("text"));
        }
      }
    }
  }

  /** Word-like bytes with repeats, as text compresses: LZ4 finds matches and literals both. */
  private static byte[] text(Random random, int length) {
    String[] words = {"archive ", "Xocali ", "search ", "index ", "the ", "of ", "document "};
    byte[] out = new byte[length];
    int i = 0;
    while (i < length) {
      if (random.nextInt(4) == 0) {
        out[i++] = (byte) ('a' + random.nextInt(26));
        continue;
      }
      byte[] word = words[random.nextInt(words.length)].getBytes();
      for (int j = 0; j < word.length && i < length; j++) {
        out[i++] = word[j];
      }
    }
    return out;
  }

  private static byte[] compress(byte[] original) throws IOException {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try (Compressor compressor = StoredFieldsCompression.INSTANCE.newCompressor()) {
      compressor.compress(
          new ByteBuffersDataInput(List.of(java.nio.ByteBuffer.wrap(original))), out);
    }
    return out.toArrayCopy();
  }
}
