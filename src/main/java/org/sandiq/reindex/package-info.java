/**
 * The batch job behind {@code sandiq reindex}: keeps an index in step with a corpus folder,
 * composing {@code ingest} (listing and reading files) and {@code index} (preparing and writing
 * documents).
 *
 * <p>{@link org.sandiq.reindex.Reindexer} plans a run (which files changed, which are gone) and
 * schedules it folder by folder ({@code FolderJob}: read once, learn the folder's boilerplate
 * lines, prepare and index in parallel); {@code FileIndexer} indexes one file, {@code
 * DocumentWorkers} the documents of WARC and JSON Lines files; {@link
 * org.sandiq.reindex.ReindexReport} is what a run did, {@link org.sandiq.reindex.ReindexListener}
 * hears it as it goes.
 */
package org.sandiq.reindex;
