/**
 * Step 2 of the flow: which language a text is in, and how text in each language becomes terms.
 *
 * <p>{@link org.sandiq.analysis.LanguageDetector} names a document's {@link
 * org.sandiq.analysis.Language}; {@link org.sandiq.analysis.LanguageAnalyzers} gives the Lucene
 * analyzer for each language, for the language-neutral folded field and for the cross-script field
 * ({@link org.sandiq.analysis.CrossScriptAnalyzer}, {@link org.sandiq.analysis.NameKey}); {@link
 * org.sandiq.analysis.VariantStreams} derives the folded and cross-script tokens of an indexed text
 * from one tokenisation; {@link org.sandiq.analysis.StemForms} records, while a language text is
 * indexed, which folded words its stems stand for, so the language field needs no offsets for its
 * matches to be marked. Azerbaijani has a stemmer written here ({@link
 * org.sandiq.analysis.AzerbaijaniStemmer}). The index and the query side both take their analyzers
 * from here, so a word is always analysed the same way on both sides. {@link
 * org.sandiq.analysis.AnalyzerNames} names the analyzers for OpenSearch: the {@code
 * opensearch-plugin/} build compiles this package (less the language detection, which needs Lingua)
 * into an OpenSearch analysis plugin, so it must use nothing but Lucene (core, analysis-common,
 * analysis-icu) and ICU4J.
 */
package org.sandiq.analysis;
