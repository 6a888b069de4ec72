package org.sandiq.search;

import java.io.IOException;

/** Takes the matches of an export one at a time, as they are read (see {@link SearchService}). */
@FunctionalInterface
public interface ExportSink {
  /**
   * Writes one match.
   *
   * @throws IOException when the output fails (the client went away): the export stops
   */
  void accept(ExportedDocument document) throws IOException;
}
