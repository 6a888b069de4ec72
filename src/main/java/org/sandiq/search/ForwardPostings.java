package org.sandiq.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.util.BytesRef;

/**
 * Offsets from the postings, each query term looked up once per segment and its postings walked
 * forwards from hit to hit.
 *
 * <p>Why: Lucene's strategy starts over for every hit and every term (a new terms enum, a seek in
 * the terms dictionary, a new postings enum, a skip to the hit). A page of ten hits marked with a
 * query of a few words over a few fields is hundreds of such starts, a tenth of a search's time.
 * The highlighter visits a page's hits in increasing document order, so one postings enum per term
 * serves the whole page: it is advanced to each hit in turn. A hit asked for at or before one
 * already asked for (a page that lists a hit twice) gets a fresh enum, as before.
 *
 * <p>One instance serves one highlighter pass (one page, or one share of it) on one thread.
 */
final class ForwardPostings extends PostingsOffsetStrategy {
  /** A term the segment's field does not hold. */
  private static final Walk ABSENT = new Walk(null);

  /** Per terms index (one segment's field, which the reader hands out as one object): each term. */
  private final Map<Terms, Map<BytesRef, Walk>> walks = new IdentityHashMap<>();

  ForwardPostings(UHComponents components) {
    super(components);
  }

  /** One term's postings in one segment's field, and the last hit they were asked for. */
  private static final class Walk {
    final PostingsEnum postings;
    int asked = -1;

    Walk(PostingsEnum postings) {
      this.postings = postings;
    }
  }

  @Override
  protected void createOffsetsEnumsForTerms(
      BytesRef[] sourceTerms, Terms termsIndex, int doc, List<OffsetsEnum> results)
      throws IOException {
    Map<BytesRef, Walk> byTerm = walks.computeIfAbsent(termsIndex, t -> new HashMap<>());
    TermsEnum termsEnum = null;
    for (BytesRef term : sourceTerms) {
      Walk walk = byTerm.get(term);
      if (walk == ABSENT) {
        continue;
      }
      if (walk == null || doc <= walk.asked) {
        if (termsEnum == null) {
          termsEnum = termsIndex.iterator();
        }
        if (!termsEnum.seekExact(term)) {
          byTerm.put(term, ABSENT);
          continue;
        }
        PostingsEnum postings = termsEnum.postings(null, PostingsEnum.OFFSETS);
        if (postings == null) {
          throw new IllegalArgumentException(
              "field '" + getField() + "' was indexed without offsets, cannot highlight");
        }
        walk = new Walk(postings);
        byTerm.put(term, walk);
      }
      walk.asked = doc;
      // Past this hit already: an earlier advance skipped it, so the term is not in it.
      int at = walk.postings.docID() < doc ? walk.postings.advance(doc) : walk.postings.docID();
      if (at == doc) {
        results.add(new OffsetsEnum.OfPostings(term, walk.postings));
      }
    }
  }
}
