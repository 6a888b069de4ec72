package org.sandiq.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.codecs.NormsConsumer;
import org.apache.lucene.codecs.NormsFormat;
import org.apache.lucene.codecs.NormsProducer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * A norms format that writes and searches exactly as the one it wraps, and reads a sparse field's
 * norms once, not once per term, while a segment's postings are written (a flush or a merge).
 *
 * <p>Why: the postings writer asks for a field's norms afresh for every term (it keeps each block's
 * best (frequency, norm) pairs for block-max scoring), and a field that fewer than one in sixteen
 * documents of a segment have keeps its norms in sparse blocks, which an iterator reads from the
 * start of the block up to the document it is asked for. Each language's title and text fields are
 * such fields in a mixed corpus, so every flush and merge read each of them once per term: 3 to 9 %
 * of a reindex's CPU samples went to that scan (BENCHMARKS.md, section 23). The writers' instance
 * of this format ({@link NormsProducer#getMergeInstance()}, which Lucene uses for exactly this)
 * copies a sparse field's norms into a byte per document of the segment on first use and answers
 * every term from the copy; searching keeps Lucene's own reader.
 */
final class OnceReadNormsFormat extends NormsFormat {
  private final NormsFormat lucene;

  OnceReadNormsFormat(NormsFormat lucene) {
    this.lucene = lucene;
  }

  @Override
  public NormsConsumer normsConsumer(SegmentWriteState state) throws IOException {
    return lucene.normsConsumer(state);
  }

  @Override
  public NormsProducer normsProducer(SegmentReadState state) throws IOException {
    return new Producer(lucene.normsProducer(state), state.segmentInfo.maxDoc());
  }

  /** Lucene's reader, whose writers' instance is a {@link ReadOnce}. */
  private static final class Producer extends NormsProducer {
    private final NormsProducer in;
    private final int maxDoc;

    Producer(NormsProducer in, int maxDoc) {
      this.in = in;
      this.maxDoc = maxDoc;
    }

    @Override
    public NumericDocValues getNorms(FieldInfo field) throws IOException {
      return in.getNorms(field);
    }

    @Override
    public void checkIntegrity() throws IOException {
      in.checkIntegrity();
    }

    @Override
    public NormsProducer getMergeInstance() {
      return new ReadOnce(in.getMergeInstance(), maxDoc);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /**
   * The norms of one flush or merge: each sparse field's read once into {@link Copy}. Lives as long
   * as that flush or merge, on its one thread.
   */
  private static final class ReadOnce extends NormsProducer {
    private final NormsProducer in;
    private final int maxDoc;
    private final Map<String, Copy> copies = new HashMap<>();

    ReadOnce(NormsProducer in, int maxDoc) {
      this.in = in;
      this.maxDoc = maxDoc;
    }

    @Override
    public NumericDocValues getNorms(FieldInfo field) throws IOException {
      Copy copy = copies.get(field.name);
      if (copy == null) {
        NumericDocValues norms = in.getNorms(field);
        // Every document has the field (Lucene's reader answers each in constant time), or a value
        // does not fit a byte: Lucene's reader, decided once per field.
        copy = norms.cost() >= maxDoc ? Copy.NONE : Copy.of(norms, maxDoc);
        copies.put(field.name, copy);
      }
      return copy == Copy.NONE ? in.getNorms(field) : copy.iterator();
    }

    @Override
    public void checkIntegrity() throws IOException {
      in.checkIntegrity();
    }

    @Override
    public void close() {
      copies.clear();
    }
  }

  /** A sparse field's norms: which documents have one, and each one's value as a byte. */
  private record Copy(FixedBitSet docs, byte[] values, long cost) {
    /** No copy: Lucene's reader serves the field. */
    static final Copy NONE = new Copy(null, null, 0);

    /** The copy of {@code norms}, or {@link #NONE} when a value does not fit a byte. */
    static Copy of(NumericDocValues norms, int maxDoc) throws IOException {
      FixedBitSet docs = new FixedBitSet(maxDoc);
      byte[] values = new byte[maxDoc];
      long cost = 0;
      for (int doc = norms.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = norms.nextDoc()) {
        long value = norms.longValue();
        if (value != (byte) value) {
          return NONE;
        }
        docs.set(doc);
        values[doc] = (byte) value;
        cost++;
      }
      return new Copy(docs, values, cost);
    }

    NumericDocValues iterator() {
      return new NumericDocValues() {
        private int doc = -1;

        @Override
        public long longValue() {
          return values[doc];
        }

        @Override
        public boolean advanceExact(int target) {
          doc = target;
          return docs.get(target);
        }

        @Override
        public int docID() {
          return doc;
        }

        @Override
        public int nextDoc() {
          return advance(doc + 1);
        }

        @Override
        public int advance(int target) {
          doc = target >= docs.length() ? DocIdSetIterator.NO_MORE_DOCS : docs.nextSetBit(target);
          return doc;
        }

        @Override
        public long cost() {
          return cost;
        }
      };
    }
  }
}
