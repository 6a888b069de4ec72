package org.sandiq.index;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/**
 * The scoring model, in one place: the index writer (which encodes the length norms) and every
 * searcher use {@link #similarity()}.
 *
 * <p>BM25 with k1 = {@value #K1} and b = {@value #B}, the values Anserini uses for short documents
 * and the ones the reference figures in EVALUATION.md were measured with; Lucene's defaults (1.2,
 * 0.75) scored lower on CACM and az-mirage (see EVALUATION.md).
 */
public final class Ranking {
  /** Term-frequency saturation. */
  public static final float K1 = 0.9f;

  /** Length normalisation. */
  public static final float B = 0.4f;

  private Ranking() {}

  /** A new instance of the similarity (it holds no state worth sharing). */
  public static Similarity similarity() {
    return new BM25Similarity(K1, B);
  }
}
