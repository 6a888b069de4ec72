package org.sandiq.crawl;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How long to wait before asking a host again after a failure: exponential back-off after timeouts
 * and 5xx, or what the server said in {@code Retry-After} (seconds or an HTTP date) after 429 and
 * 503, cut to a maximum so a hostile header cannot stall the crawl.
 */
final class RetryPolicy {
  private final Duration backoffBase;
  private final Duration maxRetryAfter;

  RetryPolicy(Duration backoffBase, Duration maxRetryAfter) {
    this.backoffBase = backoffBase;
    this.maxRetryAfter = maxRetryAfter;
  }

  /** The back-off before retry number {@code attempt + 1}: the base, doubled per attempt. */
  long backoffMillis(int attempt) {
    return backoffBase.toMillis() << Math.min(Math.max(attempt, 0), 16);
  }

  /** Retry-After of {@code ex} in milliseconds, capped; -1 when absent or unreadable. */
  long retryAfterMillis(Exchange ex) {
    String value = ex.header("Retry-After").orElse(null);
    if (value == null) {
      return -1;
    }
    long millis;
    try {
      millis = Long.parseLong(value.strip()) * 1000;
    } catch (NumberFormatException e) {
      try {
        Instant when =
            ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        millis = Duration.between(Instant.now(), when).toMillis();
      } catch (DateTimeParseException bad) {
        return -1;
      }
    }
    return Math.min(Math.max(millis, 0), maxRetryAfter.toMillis());
  }
}
