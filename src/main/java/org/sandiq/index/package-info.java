/**
 * Step 3 of the flow: clean documents into the Lucene index on disk, and keeping that index in step
 * with the corpus.
 *
 * <p>{@link org.sandiq.index.Fields} names every field and says why it is indexed, stored or
 * doc-valued; {@link org.sandiq.index.DocumentMapper} is the one place a document becomes a Lucene
 * {@code Document}; {@link org.sandiq.index.FieldAnalyzers} is the one place a field gets its
 * analyzer, for indexing and querying alike; {@link org.sandiq.index.Ranking} is the one scoring
 * model of the writer and every searcher. {@link org.sandiq.index.Reindexer} is the batch job
 * behind {@code sandiq reindex}, written against the small {@link org.sandiq.index.DocumentIndex}
 * interface so another backend can stand behind it.
 */
package org.sandiq.index;
