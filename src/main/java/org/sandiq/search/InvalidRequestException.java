package org.sandiq.search;

/**
 * The request cannot be answered as asked: a malformed query, an unknown language, a page out of
 * range. The message is meant for the person who asked, and says what to change.
 */
public final class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }
}
