/**
 * Step 3 of the flow: documents made ready to index, into the Lucene index on disk.
 *
 * <p>{@link org.sandiq.index.DocumentPreparation} is the one step from a raw or clean document to a
 * {@link org.sandiq.index.PreparedDocument} (language, passages, blanked boilerplate, duplicate
 * keys); {@link org.sandiq.index.DocumentMapper} is the one place a prepared document becomes a
 * Lucene {@code Document}; {@link org.sandiq.index.Fields} names every field and says why it is
 * indexed, stored or doc-valued; {@link org.sandiq.index.AnalysisProfile} is what differs between
 * analyses, and {@link org.sandiq.index.FieldAnalyzers} gives each field its analyzer from it, for
 * indexing and querying alike; {@link org.sandiq.index.Ranking} is the one scoring model of the
 * writer and every searcher. Writers go through the small {@link org.sandiq.index.DocumentIndex}
 * interface, so another backend can stand behind it. The batch job that keeps an index in step with
 * a corpus is {@code org.sandiq.reindex}.
 */
package org.sandiq.index;
