package org.sandiq.web;

/** The one JSON shape of every error: {@code {"error":{"status":400,"message":"…"}}}. */
public record ErrorBody(Detail error) {
  /** The status code, repeated in the body, and a message for a person. */
  public record Detail(int status, String message) {}

  static ErrorBody of(int status, String message) {
    return new ErrorBody(new Detail(status, message));
  }
}
