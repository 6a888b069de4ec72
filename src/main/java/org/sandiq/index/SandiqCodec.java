package org.sandiq.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.NormsFormat;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;

/**
 * The codec every index Sandiq writes uses: Lucene's own ({@link Lucene104Codec}) with two
 * differences in how files are read, none in what they hold: norms read once while segments are
 * written ({@link OnceReadNormsFormat}), and stored fields decoded from a heap copy of each block
 * ({@link StoredFieldsCompression}). The files are Lucene's; only the name {@value #NAME} in each
 * segment says that this class (found through {@code META-INF/services}) opens them. Segments
 * written by Lucene's plain codec, as an index built before this codec was, stay readable and are
 * rewritten on their next merge.
 *
 * <p>The name carries the Lucene codec it wraps: when Lucene's default codec changes, a new class
 * with a new name wraps the new one and this one stays, so that older indexes open.
 */
public final class SandiqCodec extends FilterCodec {
  /** The codec name written in each segment. */
  public static final String NAME = "Sandiq104";

  private final NormsFormat norms = new OnceReadNormsFormat(super.normsFormat());
  private final StoredFieldsFormat storedFields = StoredFieldsCompression.format();

  /** The codec (public and without arguments: Lucene finds codecs by name through SPI). */
  public SandiqCodec() {
    super(NAME, new Lucene104Codec());
  }

  @Override
  public NormsFormat normsFormat() {
    return norms;
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
