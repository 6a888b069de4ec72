package org.sandiq.web;

import java.io.IOException;
import java.io.OutputStream;
import org.sandiq.search.ExportedDocument;

/**
 * Where a WARC export gets its records: given by the caller (who knows the corpus), so the web
 * layer writes WARC without knowing where archives lie or how WARC is written.
 */
@FunctionalInterface
public interface ArchiveExport {
  /** Starts a WARC file on {@code out}; closing the writer ends it (and closes {@code out}). */
  Writer open(OutputStream out) throws IOException;

  /** One WARC file being written. */
  interface Writer extends java.io.Closeable {
    /** Writes the record of {@code document}: its original one when it came from a WARC. */
    void write(ExportedDocument document) throws IOException;
  }

  /** No corpus: WARC exports are refused with a 400. */
  ArchiveExport NONE =
      out -> {
        throw new org.sandiq.search.InvalidRequestException(
            "WARC export needs the corpus: this server was started without one");
      };
}
