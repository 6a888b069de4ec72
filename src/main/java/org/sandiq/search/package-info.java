/**
 * Step 4 of the flow: a search request to hits, facet counts and snippets.
 *
 * <p>{@link org.sandiq.search.SearchService} is the small interface the web layer and the command
 * line use; its request and response types are plain records with no Lucene in them, so another
 * backend can stand behind it. {@link org.sandiq.search.LuceneSearchService} is the Lucene one:
 * {@link org.sandiq.search.QueryBuilder} parses the user's query over every language field, the
 * folded and the cross-script fields, weighted by {@link org.sandiq.search.FieldWeights}, and
 * {@link org.sandiq.search.Snippets} cuts highlighted passages.
 */
package org.sandiq.search;
