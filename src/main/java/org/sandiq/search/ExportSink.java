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

  /**
   * Refuses an export of {@code count} matches when that is more than {@code max}, before anything
   * is written (every backend checks the same way).
   *
   * @throws InvalidRequestException naming both numbers and how to narrow the query
   */
  static void checkLimit(long count, long max) {
    if (count > max) {
      throw new InvalidRequestException(
          "the query matches "
              + count
              + " documents, more than the export limit of "
              + max
              + ": narrow it (words, dates, lang, site, collection)");
    }
  }
}
