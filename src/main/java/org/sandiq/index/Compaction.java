package org.sandiq.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.MergeScheduler;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;

/**
 * The merge that ends a full rebuild: the rebuilt segments merged into a few parts of nearly equal
 * size, the parts merged at the same time, one per CPU, and then the parts into one segment.
 *
 * <p>Lucene merges the parts of one segment (stored fields, doc values, norms, postings) side by
 * side, but the postings, the largest part, on one thread: merging a million documents' many
 * segments into one kept one CPU of two busy for 100 of the rebuild's 410 seconds. An index of more
 * than {@value #PART_BYTES} bytes is therefore first merged into up to one part per CPU and per
 * {@value #PART_BYTES} bytes, each the merge of a share of the segments picked so that the shares
 * weigh alike, all at once, and then the parts, a merge of a few large segments, into one: about 75
 * seconds for the million. Leaving the parts as they are would save the second merge but cost every
 * search a term lookup per part (about 6 % more CPU). A smaller index is merged into one segment at
 * once; its merge is short. No segment exceeds Lucene's ceiling for a merged segment ({@link
 * LuceneIndex#MAX_SEGMENT_BYTES}), so a compacted archive can still be merged when deletions pile
 * up.
 */
final class Compaction {
  /** The least index size per part: below twice this, an index is merged into one segment. */
  static final long PART_BYTES = 1L << 30;

  private Compaction() {}

  /**
   * How many segments an index of {@code bytes} is merged into on a machine of {@code cpus}
   * processors.
   */
  static int parts(long bytes, int cpus) {
    long bySize = Math.max(1, bytes / PART_BYTES);
    return (int) Math.max(segments(bytes), Math.min(bySize, Math.max(1, cpus)));
  }

  /**
   * How many segments a compacted index of {@code bytes} keeps: one, or one per {@link
   * LuceneIndex#MAX_SEGMENT_BYTES} so that none passes Lucene's ceiling.
   */
  static int segments(long bytes) {
    return (int)
        Math.max(1, (bytes + LuceneIndex.MAX_SEGMENT_BYTES - 1) / LuceneIndex.MAX_SEGMENT_BYTES);
  }

  /**
   * Merges every segment of {@code writer}'s index into {@code parts} segments at once ({@link
   * #parts}), then those into {@code segments} ({@link #segments}), and waits. The writer keeps the
   * merge policy and scheduler set here (a rebuild commits and closes it next).
   */
  static void run(IndexWriter writer, int parts, int segments) throws IOException {
    writer.getConfig().setMergePolicy(new BalancedParts(parts));
    MergeScheduler scheduler = writer.getConfig().getMergeScheduler();
    if (scheduler instanceof ConcurrentMergeScheduler concurrent
        && concurrent.getMaxThreadCount() < parts) {
      concurrent.setMaxMergesAndThreads(parts + 5, parts);
    }
    writer.forceMerge(parts);
    if (segments < parts) {
      writer.getConfig().setMergePolicy(new BalancedParts(segments));
      writer.forceMerge(segments);
    }
  }

  /**
   * Splits {@code sizes} (one per segment) into {@code parts} groups of nearly equal total: each
   * segment, largest first, joins the lightest group so far. Returns each segment's group.
   */
  static int[] balance(long[] sizes, int parts) {
    Integer[] order = new Integer[sizes.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingLong((Integer i) -> sizes[i]).reversed());
    long[] totals = new long[parts];
    int[] group = new int[sizes.length];
    for (int i : order) {
      int lightest = 0;
      for (int g = 1; g < parts; g++) {
        if (totals[g] < totals[lightest]) {
          lightest = g;
        }
      }
      group[i] = lightest;
      totals[lightest] += sizes[i];
    }
    return group;
  }

  /**
   * A forced merge into balanced parts, asked for once all segments are idle; everything else as
   * Lucene's default policy.
   */
  static final class BalancedParts extends FilterMergePolicy {
    private final int parts;

    BalancedParts(int parts) {
      super(new TieredMergePolicy());
      this.parts = parts;
    }

    @Override
    public MergeSpecification findForcedMerges(
        SegmentInfos infos,
        int maxSegmentCount,
        Map<SegmentCommitInfo, Boolean> segmentsToMerge,
        MergeContext context)
        throws IOException {
      List<SegmentCommitInfo> eligible = new ArrayList<>();
      Set<SegmentCommitInfo> merging = context.getMergingSegments();
      for (SegmentCommitInfo info : infos) {
        if (segmentsToMerge.containsKey(info)) {
          if (merging.contains(info)) {
            return null; // a merge of this compaction (or one before it) is still running
          }
          eligible.add(info);
        }
      }
      int target = Math.max(parts, maxSegmentCount);
      if (eligible.size() <= target) {
        // Few enough: rewrite only those that still hold deleted documents (replaced while the
        // rebuild ran), as Lucene's own forced merge does.
        MergeSpecification purge = new MergeSpecification();
        for (SegmentCommitInfo info : eligible) {
          if (context.numDeletesToMerge(info) > 0) {
            purge.add(new OneMerge(List.of(info)));
          }
        }
        return purge.merges.isEmpty() ? null : purge;
      }
      long[] sizes = new long[eligible.size()];
      for (int i = 0; i < sizes.length; i++) {
        sizes[i] = eligible.get(i).sizeInBytes();
      }
      int[] group = balance(sizes, target);
      MergeSpecification spec = new MergeSpecification();
      for (int g = 0; g < target; g++) {
        List<SegmentCommitInfo> members = new ArrayList<>();
        for (int i = 0; i < group.length; i++) {
          if (group[i] == g) {
            members.add(eligible.get(i));
          }
        }
        if (members.size() > 1) {
          spec.add(new OneMerge(members));
        }
      }
      return spec.merges.isEmpty() ? null : spec;
    }
  }
}
