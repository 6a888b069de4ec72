package org.sandiq.ingest;

/**
 * A corpus file, or one record in it, could not be read. The message names the file (and the record
 * offset where there is one) and says why, in words a person can act on.
 */
public final class IngestException extends Exception {
  private static final long serialVersionUID = 1L;

  public IngestException(String message) {
    super(message);
  }

  public IngestException(String message, Throwable cause) {
    super(message, cause);
  }
}
