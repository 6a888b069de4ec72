package org.sandiq.search;

/**
 * The index cannot answer now (an OpenSearch cluster unreachable, or missing shards it needs): not
 * the request's fault, and not a bug; the HTTP API answers 503 with the message, so clients retry
 * later.
 */
public final class IndexUnavailableException extends RuntimeException {
  public IndexUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
