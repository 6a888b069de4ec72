package org.sandiq.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;
import org.sandiq.index.Fields;

/**
 * Ranking by relevance that keeps only the best-ranked copy of each text ({@link Fields#TEXT_HASH})
 * while it collects: the {@code n} best texts, each as its best document, in the order a plain
 * ranking would list those documents.
 *
 * <p>Why not rank documents and collapse the list afterwards: a web archive that captured a page a
 * hundred times ranks the hundred copies side by side, so the first page's margin of raw hits can
 * hold one text and the page comes out nearly empty; ranking deeper until it fills costs a search
 * per round, and a deep search prunes little. Here a copy that cannot beat the {@code n}-th best
 * text is dropped as it comes, and once {@code n} texts are held (and the exact-total bound is
 * counted), the lowest of them is the score a document must beat, so block-max pruning works as in
 * a plain ranking. Captures of one URL with different texts are still collapsed by {@link HitPage}.
 *
 * <p>Each slice of the search (a segment or a partition of one) collects on its own; {@link
 * #reduce} keeps each text's best over the slices. Matches are counted exactly until a slice has
 * counted {@code threshold} of them, as {@code TopScoreDocCollectorManager} does.
 */
final class CollapsedRanking implements CollectorManager<CollapsedRanking.Texts, TopDocs> {
  /** Best first: higher score, then lower document number (a plain ranking's order). */
  private static final Comparator<Best> RANK =
      Comparator.comparingDouble((Best b) -> -b.score).thenComparingInt(b -> b.doc);

  private final int n;
  private final ScoreDoc after;
  private final int threshold;

  /**
   * @param n texts to keep
   * @param after the last hit of the page before (only hits ranked below it are kept), or null
   * @param threshold matches counted exactly; past it a total is a lower bound
   */
  CollapsedRanking(int n, ScoreDoc after, int threshold) {
    this.n = Math.max(1, n);
    this.after = after;
    this.threshold = Math.max(threshold, this.n);
  }

  /**
   * One text's best document so far. Its key is the text's ordinal in the segment being collected
   * ({@code ord}, or -1 where the text is not in it) and, once the slice has moved past the segment
   * that found it, the key's bytes: ordinals compare within a segment only, and looking bytes up
   * for every collected copy was a tenth of a search's ranking.
   */
  private static final class Best {
    /** The text key's bytes, or null while known only by {@link #ord} or for a document without. */
    BytesRef key;

    int ord;
    int doc;
    float score;

    Best(int ord, int doc, float score) {
      this.ord = ord;
      this.doc = doc;
      this.score = score;
    }

    boolean outranks(float otherScore, int otherDoc) {
      return score > otherScore || (score == otherScore && doc < otherDoc);
    }
  }

  @Override
  public Texts newCollector() {
    return new Texts();
  }

  @Override
  public TopDocs reduce(Collection<Texts> slices) throws IOException {
    // Slices that each collected the same one segment (a compacted index cut into partitions)
    // tell texts apart by ordinal; otherwise by the keys' bytes.
    boolean oneSegment =
        slices.stream().allMatch(s -> s.segments <= 1)
            && slices.stream().mapToInt(s -> s.segmentOrd).filter(o -> o >= 0).distinct().count()
                <= 1;
    Map<Object, Best> best = new HashMap<>();
    List<Best> ranked = new ArrayList<>();
    long total = 0;
    boolean atLeast = false;
    for (Texts slice : slices) {
      total += slice.total;
      atLeast |= slice.pruning;
      if (!oneSegment) {
        slice.resolveKeys();
      }
      for (Best b : slice.worstFirst) {
        Object key = oneSegment ? (b.ord >= 0 ? Integer.valueOf(b.ord) : null) : b.key;
        if (key == null) {
          ranked.add(b); // a document without a text key is a text of its own
        } else {
          best.merge(key, b, (x, y) -> x.outranks(y.score, y.doc) ? x : y);
        }
      }
    }
    ranked.addAll(best.values());
    ranked.sort(RANK);
    ScoreDoc[] hits =
        ranked.stream().limit(n).map(b -> new ScoreDoc(b.doc, b.score)).toArray(ScoreDoc[]::new);
    TotalHits.Relation relation =
        atLeast ? TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO : TotalHits.Relation.EQUAL_TO;
    return new TopDocs(new TotalHits(total, relation), hits);
  }

  /** The collector of one slice. */
  final class Texts implements Collector {
    /** The held texts, worst at the head. */
    private final PriorityQueue<Best> worstFirst = new PriorityQueue<>(RANK.reversed());

    /** The held texts found in the segment being collected, by their ordinal in it. */
    private final Map<Integer, Best> byOrd = new HashMap<>();

    /** The text keys of the segment being collected (null before the first). */
    private SortedDocValues segmentKeys;

    /** That segment's number in the reader (-1 before the first), and how many were collected. */
    private int segmentOrd = -1;

    private int segments;

    private long total;
    private boolean pruning;

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.TOP_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedDocValues keys = DocValues.getSorted(context.reader(), Fields.TEXT_HASH);
      if (context.ord != segmentOrd) {
        resolveKeys();
        segments++;
        segmentOrd = context.ord;
        // The texts held from earlier segments, found again by their bytes in this one.
        byOrd.clear();
        for (Best b : worstFirst) {
          b.ord = b.key == null ? -1 : keys.lookupTerm(b.key);
          if (b.ord >= 0) {
            byOrd.put(b.ord, b);
          }
        }
      }
      segmentKeys = keys;
      int base = context.docBase;
      return new LeafCollector() {
        private Scorable scorer;
        private float minScore;

        @Override
        public void setScorer(Scorable scorer) throws IOException {
          this.scorer = scorer;
          prune();
        }

        @Override
        public void collect(int doc) throws IOException {
          float score = scorer.score();
          total++;
          int global = base + doc;
          if (after != null && !ranksBelowAfter(score, global)) {
            return;
          }
          Best worst = worstFirst.size() < n ? null : worstFirst.peek();
          if (worst != null && !outranks(score, global, worst)) {
            // Not better than the worst held text, so not better than its own text if held.
            prune();
            return;
          }
          int ord = keys.advanceExact(doc) ? keys.ordValue() : -1;
          Best same = ord < 0 ? null : byOrd.get(ord);
          if (same != null) {
            if (outranks(score, global, same)) {
              worstFirst.remove(same);
              same.doc = global;
              same.score = score;
              worstFirst.add(same);
            }
          } else {
            if (worst != null) {
              Best dropped = worstFirst.poll();
              if (dropped.ord >= 0) {
                byOrd.remove(dropped.ord);
              }
            }
            Best text = new Best(ord, global, score);
            if (ord >= 0) {
              byOrd.put(ord, text);
            }
            worstFirst.add(text);
          }
          prune();
        }

        /**
         * Past the exact-total bound with {@code n} texts held, a document must beat the worst of
         * them; documents come in increasing number, so an equal score loses (Lucene's own top-hits
         * collector reasons the same way).
         */
        private void prune() throws IOException {
          if (scorer != null && total > threshold && worstFirst.size() >= n) {
            pruning = true;
            float least = Math.nextUp(worstFirst.peek().score);
            if (least > minScore) {
              minScore = least;
              scorer.setMinCompetitiveScore(least);
            }
          }
        }
      };
    }

    /**
     * Gives the held texts of the segment collected last their keys' bytes (a few lookups per
     * segment, for the texts still held when it ends; none when every slice collected the same one
     * segment).
     */
    private void resolveKeys() throws IOException {
      if (segmentKeys == null) {
        return;
      }
      for (Best b : worstFirst) {
        if (b.key == null && b.ord >= 0) {
          b.key = BytesRef.deepCopyOf(segmentKeys.lookupOrd(b.ord));
        }
        b.ord = -1;
      }
      segmentKeys = null;
    }

    private boolean ranksBelowAfter(float score, int doc) {
      return score < after.score || (score == after.score && doc > after.doc);
    }

    private boolean outranks(float score, int doc, Best than) {
      return score > than.score || (score == than.score && doc < than.doc);
    }
  }
}
