package org.sandiq.ingest;

import java.nio.file.Path;

/**
 * A file of the corpus that Sandiq reads.
 *
 * @param path where it is on disk
 * @param relativePath its path relative to the corpus root, with {@code /} separators: the name
 *     under which the index remembers it
 * @param size its size in bytes when it was listed
 * @param modifiedMillis its modification time when it was listed
 * @param format how to read it
 */
public record CorpusFile(
    Path path, String relativePath, long size, long modifiedMillis, SourceFormat format) {}
