package org.sandiq.index;

import org.sandiq.analysis.Detection;
import org.sandiq.ingest.CleanDocument;

/**
 * A clean document with its detected language and the corpus file it came from: everything the
 * {@link DocumentMapper} needs.
 *
 * @param document the clean document
 * @param detection its language
 * @param file the corpus-relative path of its file
 */
public record IndexedDocument(CleanDocument document, Detection detection, String file) {}
