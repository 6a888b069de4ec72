/**
 * The OpenSearch backend (scale-out): the same documents, fields and analysis as the embedded
 * index, kept in an OpenSearch cluster. {@link org.sandiq.opensearch.OpenSearchIndex} is the write
 * side ({@link org.sandiq.index.DocumentIndex}: bulk loads through {@code BulkIngester}, a full
 * rebuild into a new index switched in by one alias action); {@link
 * org.sandiq.opensearch.IndexLayout} is the index template (mapping with the analysis plugin's
 * analyzers, shards, replicas, BM25 as embedded); {@link org.sandiq.opensearch.ClusterClient} the
 * connection ({@code opensearch-java} over Apache HttpClient 5). The analyzers run inside
 * OpenSearch from the {@code opensearch-plugin/} build of {@code org.sandiq.analysis}. {@link
 * org.sandiq.opensearch.OpenSearchSearchService} is the read side ({@link
 * org.sandiq.search.SearchService}): it runs the plans of the shared {@link
 * org.sandiq.search.SearchPlanner}, translated to the query DSL by {@code QueryDsl}.
 */
package org.sandiq.opensearch;
