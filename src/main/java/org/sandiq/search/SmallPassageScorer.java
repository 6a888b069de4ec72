package org.sandiq.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage scorer (BM25 over the passage, the same parameters and the same arithmetic),
 * with a passage's distinct terms found by comparing them in a loop instead of a {@code
 * BytesRefHash}: the hash allocated and cleared a 32 KB block for every candidate passage of every
 * hit, a twentieth of a search's samples, while a passage of about {@value Snippets#PASSAGE_CHARS}
 * characters has a handful of matches. Passages with more matches than {@value #MAX_MATCHES} (a
 * text without spaces is one long passage) are scored by the base class.
 *
 * <p>Distinct terms are summed in the order they first occur, as the base class numbers them, so
 * every score is bit for bit the base class's ({@code SmallPassageScorerTest}).
 */
final class SmallPassageScorer extends PassageScorer {
  static final int MAX_MATCHES = 64;

  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    if (matches > MAX_MATCHES) {
      return super.score(passage, contentLength);
    }
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    int[] firstMatch = new int[matches];
    int[] freqsInPassage = new int[matches];
    int distinct = 0;
    next:
    for (int i = 0; i < matches; i++) {
      for (int d = 0; d < distinct; d++) {
        if (terms[firstMatch[d]].bytesEquals(terms[i])) {
          freqsInPassage[d]++;
          continue next;
        }
      }
      firstMatch[distinct] = i;
      freqsInPassage[distinct] = 1;
      distinct++;
    }
    double score = 0d;
    for (int d = 0; d < distinct; d++) {
      score +=
          tf(freqsInPassage[d], passage.getLength())
              * weight(contentLength, freqsInDoc[firstMatch[d]]);
    }
    score *= norm(passage.getStartOffset());
    return (float) score;
  }
}
