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
 * @param searchText the text that is searched: the document's text without the lines that are
 *     boilerplate in its folder (see {@code ingest.BoilerplateLines}); the stored text is whole
 */
public record IndexedDocument(
    CleanDocument document, Detection detection, String file, String searchText) {

  /** A document whose whole text is searched. */
  public IndexedDocument(CleanDocument document, Detection detection, String file) {
    this(document, detection, file, document.text());
  }
}
