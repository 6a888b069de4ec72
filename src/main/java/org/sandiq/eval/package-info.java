/**
 * Measuring Sandiq against public benchmarks: retrieval quality and main-text extraction.
 *
 * <p>{@link org.sandiq.eval.RetrievalEvaluation} indexes a corpus into a temporary index through
 * the real path ({@code DocumentMapper} via {@code LuceneIndex}, language detection included), runs
 * every query through the real {@code SearchService}, and scores the ranked lists with {@link
 * org.sandiq.eval.Metrics} (nDCG@10, MAP, Recall@100, MRR@10). {@link
 * org.sandiq.eval.StandardBaseline} is the reference it is compared with: plain Lucene, {@code
 * StandardAnalyzer}, BM25 over title and text. The file formats are those of the shared data sets
 * ({@link org.sandiq.eval.TestCollection}). This package uses {@code index}, {@code search} and
 * {@code analysis}; nothing uses it but the command line and the tests.
 *
 * <p>For main-text extraction, {@link org.sandiq.eval.ExtractionEvaluation} runs the ingest cleaner
 * over a benchmark's pages and scores the text with the benchmark's own metric: {@link
 * org.sandiq.eval.ShingleScorer} for sets with a ground-truth article body (the Scrapinghub
 * article-extraction benchmark), {@link org.sandiq.eval.SegmentScorer} for sets with must-keep and
 * must-drop segments (trafilatura's evaluation set). The whole-page text is scored the same way as
 * the baseline.
 */
package org.sandiq.eval;
