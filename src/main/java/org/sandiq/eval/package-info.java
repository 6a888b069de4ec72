/**
 * Measuring Sandiq against public benchmarks.
 *
 * <p>For main-text extraction, {@link org.sandiq.eval.ExtractionEvaluation} runs the ingest cleaner
 * over a benchmark's pages and scores the text with the benchmark's own metric: {@link
 * org.sandiq.eval.ShingleScorer} for sets with a ground-truth article body (the Scrapinghub
 * article-extraction benchmark), {@link org.sandiq.eval.SegmentScorer} for sets with must-keep and
 * must-drop segments (trafilatura's evaluation set). The whole-page text is scored the same way as
 * the baseline.
 */
package org.sandiq.eval;
