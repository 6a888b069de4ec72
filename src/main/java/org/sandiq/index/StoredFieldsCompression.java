package org.sandiq.index;

import java.io.IOException;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.codecs.StoredFieldsWriter;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.SegmentInfo;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.compress.LZ4;

/**
 * Lucene's stored-fields compression for speed ({@link
 * Lucene90StoredFieldsFormat.Mode#BEST_SPEED}), byte for byte, with one change in how a block is
 * read back: its compressed bytes are copied to the heap in one read before LZ4 decodes them.
 *
 * <p>Why. Every hit a page shows reads its stored fields: the preset dictionary of its block (about
 * 4 KB) and the 8 KB sub-block or two that hold the document, decoded by LZ4. Lucene's decompressor
 * hands LZ4 the memory-mapped file itself, and LZ4 reads it a byte at a time; each read of a mapped
 * segment checks that its memory is still open. In a profile of the server under load, decoding the
 * hits was 8.8 % of the samples, and the checks alone (MemorySessionImpl.checkValidStateRaw under
 * LZ4.decompress) 6.5 %, more than the decoding. One bulk copy per block makes the reads array
 * reads (BENCHMARKS.md, section 43).
 *
 * <p>The files are the ones Lucene writes (same format name, block size and compressor), so an
 * index written before this class is read by it, and the other way round. The compressor is
 * Lucene's own; only the decompressor is ours, and {@code StoredFieldsCompressionTest} checks it
 * against Lucene's on random blocks and ranges.
 */
final class StoredFieldsCompression extends CompressionMode {
  /**
   * One instance: Lucene merges stored fields by copying compressed blocks only when the segments'
   * modes are the same object.
   */
  static final StoredFieldsCompression INSTANCE = new StoredFieldsCompression();

  /** Lucene's block length (80 KB) and documents per block for this mode. */
  private static final int BLOCK_LENGTH = 10 * 8 * 1024;

  private static final int MAX_DOCS_PER_BLOCK = 1024;
  private static final int BLOCK_SHIFT = 10;

  private StoredFieldsCompression() {}

  /**
   * The stored-fields format of Lucene's fast mode, reading blocks with this decompressor. Its
   * writer records the mode in each segment as Lucene's own format does ({@link
   * Lucene90StoredFieldsFormat#MODE_KEY}), so that Lucene's format, too, opens the segments: a
   * later codec may read them without this class.
   */
  static StoredFieldsFormat format() {
    StoredFieldsFormat blocks =
        new Lucene90CompressingStoredFieldsFormat(
            "Lucene90StoredFieldsFastData",
            INSTANCE,
            BLOCK_LENGTH,
            MAX_DOCS_PER_BLOCK,
            BLOCK_SHIFT);
    return new StoredFieldsFormat() {
      @Override
      public StoredFieldsReader fieldsReader(
          Directory directory, SegmentInfo si, FieldInfos fields, IOContext context)
          throws IOException {
        return blocks.fieldsReader(directory, si, fields, context);
      }

      @Override
      public StoredFieldsWriter fieldsWriter(Directory directory, SegmentInfo si, IOContext context)
          throws IOException {
        si.putAttribute(
            Lucene90StoredFieldsFormat.MODE_KEY, Lucene90StoredFieldsFormat.Mode.BEST_SPEED.name());
        return blocks.fieldsWriter(directory, si, context);
      }
    };
  }

  @Override
  public Compressor newCompressor() {
    return Lucene90StoredFieldsFormat.BEST_SPEED_MODE.newCompressor();
  }

  @Override
  public Decompressor newDecompressor() {
    return new HeapDecompressor();
  }

  @Override
  public String toString() {
    return "BEST_SPEED";
  }

  /**
   * Reads a block of Lucene's LZ4 with a preset dictionary: the dictionary's length and the
   * sub-blocks' length, the compressed length of the dictionary and of each sub-block, then the
   * compressed dictionary and sub-blocks, each an LZ4 stream that may refer back into the
   * dictionary.
   */
  static final class HeapDecompressor extends Decompressor {
    private final ByteArrayDataInput heap = new ByteArrayDataInput();
    private int[] compressedLengths = new int[0];
    private byte[] compressed = BytesRef.EMPTY_BYTES;
    private byte[] buffer = BytesRef.EMPTY_BYTES;

    @Override
    public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
        throws IOException {
      if (length == 0) {
        bytes.length = 0;
        return;
      }
      int dictLength = in.readVInt();
      int blockLength = in.readVInt();
      int dictCompressed = in.readVInt();
      int blocks = 0;
      compressedLengths =
          ArrayUtil.growNoCopy(compressedLengths, originalLength / Math.max(1, blockLength) + 1);
      for (int total = dictLength; total < originalLength; total += blockLength) {
        compressedLengths[blocks++] = in.readVInt();
      }
      buffer = ArrayUtil.growNoCopy(buffer, dictLength + blockLength);
      if (decode(in, dictCompressed, dictLength, 0) != dictLength) {
        throw new CorruptIndexException("Illegal dict length", in);
      }
      bytes.length = 0;
      int offsetInBlock = dictLength;
      int offsetInBytes = offset;
      int block = 0;
      if (offset >= dictLength) {
        offsetInBytes -= dictLength;
        long skip = 0;
        // The same test as Lucene's: a sub-block ending exactly at the offset is still decoded.
        for (; block < blocks && offsetInBlock + blockLength < offset; block++) {
          skip += compressedLengths[block];
          offsetInBlock += blockLength;
          offsetInBytes -= blockLength;
        }
        in.skipBytes(skip);
      } else {
        // The dictionary holds some of the bytes asked for.
        bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, dictLength);
        System.arraycopy(buffer, 0, bytes.bytes, 0, dictLength);
        bytes.length = dictLength;
      }
      int end = offset + length;
      if (offsetInBlock < end) {
        bytes.bytes = ArrayUtil.grow(bytes.bytes, bytes.length + end - offsetInBlock);
      }
      for (; offsetInBlock < end; offsetInBlock += blockLength, block++) {
        if (block >= blocks) {
          throw new CorruptIndexException("block shorter than its documents", in);
        }
        int size = Math.min(blockLength, end - offsetInBlock);
        decode(in, compressedLengths[block], size, dictLength);
        System.arraycopy(buffer, dictLength, bytes.bytes, bytes.length, size);
        bytes.length += size;
      }
      bytes.offset = offsetInBytes;
      bytes.length = length;
    }

    /**
     * Copies one LZ4 stream of {@code compressedLength} bytes from {@code in} and decodes up to
     * {@code size} bytes of it into {@link #buffer} at {@code at}; returns the end of what it wrote
     * less {@code at}. A sub-block is decoded only as far as the range asked for needs, as Lucene's
     * decompressor does; the stream's own length is what moves {@code in} on.
     */
    private int decode(DataInput in, int compressedLength, int size, int at) throws IOException {
      compressed = ArrayUtil.growNoCopy(compressed, compressedLength);
      in.readBytes(compressed, 0, compressedLength);
      heap.reset(compressed, 0, compressedLength);
      return LZ4.decompress(heap, size, buffer, at) - at;
    }

    @Override
    public Decompressor clone() {
      return new HeapDecompressor();
    }
  }
}
