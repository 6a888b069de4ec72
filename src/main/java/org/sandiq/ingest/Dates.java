package org.sandiq.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * Parses the date strings pages carry in their metadata ({@code 2020-02-26}, {@code
 * 2020-02-26T10:00:00+04:00}, {@code 2020-02-26 10:00:00}, RFC 1123). A date without a zone is
 * taken as UTC. Implausible years (before 1900 or more than a year ahead) are rejected, since they
 * are almost always template placeholders.
 */
final class Dates {
  private static final List<Function<String, Instant>> PARSERS =
      List.of(
          s -> OffsetDateTime.parse(s).toInstant(),
          Instant::parse,
          s -> LocalDateTime.parse(s).toInstant(ZoneOffset.UTC),
          s -> LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC),
          s ->
              LocalDateTime.parse(s, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]"))
                  .toInstant(ZoneOffset.UTC),
          s -> ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(),
          s ->
              OffsetDateTime.parse(s, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ"))
                  .toInstant());

  private Dates() {}

  /** The instant {@code text} names, or null when it is no date this parser knows. */
  static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.strip();
    for (Function<String, Instant> parser : PARSERS) {
      try {
        Instant instant = parser.apply(s);
        return plausible(instant) ? instant : null;
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    return null;
  }

  private static boolean plausible(Instant instant) {
    int year = instant.atOffset(ZoneOffset.UTC).getYear();
    int thisYear = Instant.now().atOffset(ZoneOffset.UTC).getYear();
    return year >= 1900 && year <= thisYear + 1;
  }
}
