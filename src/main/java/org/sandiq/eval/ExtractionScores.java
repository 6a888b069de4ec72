package org.sandiq.eval;

/**
 * The figures of one extractor on one benchmark.
 *
 * @param extractor which text was scored ({@code whole-page} or {@code sandiq})
 * @param documents how many pages were scored
 * @param failed how many of them could not be read (scored as empty output)
 * @param precision share of the output that is main text
 * @param recall share of the main text that is in the output
 * @param f1 harmonic mean of precision and recall, as the benchmark computes it
 */
public record ExtractionScores(
    String extractor, int documents, int failed, double precision, double recall, double f1) {}
