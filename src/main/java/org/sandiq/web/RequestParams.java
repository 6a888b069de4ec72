package org.sandiq.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.sandiq.search.Histogram;
import org.sandiq.search.InvalidRequestException;
import org.sandiq.search.SearchRequest;

/** Reads and checks query parameters; anything malformed is an {@link InvalidRequestException}. */
final class RequestParams {
  /** Longest value accepted for any one parameter. */
  static final int MAX_PARAM_CHARS = 2000;

  private RequestParams() {}

  /**
   * Refuses a query string with a broken percent-escape ({@code %} not followed by two hex digits):
   * the container would drop the parameter it is in, and a search for {@code q=%ZZ} would then
   * browse every document as if nothing had been typed. Run before every route.
   */
  static void checkQueryString(Context ctx) {
    String query = ctx.queryString();
    if (query == null) {
      return;
    }
    for (int i = query.indexOf('%'); i >= 0; i = query.indexOf('%', i + 1)) {
      if (i + 2 >= query.length() || !isHex(query.charAt(i + 1)) || !isHex(query.charAt(i + 2))) {
        throw new InvalidRequestException(
            "malformed query string: '%' at position "
                + (i + 1)
                + " is not followed by two hexadecimal digits (write a literal % as %25)");
      }
    }
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static SearchRequest searchRequest(Context ctx) {
    String sort = text(ctx, "sort");
    return new SearchRequest(
        text(ctx, "q"),
        text(ctx, "lang"),
        text(ctx, "site"),
        date(ctx, "from"),
        date(ctx, "to"),
        sort == null ? SearchRequest.SortOrder.RELEVANCE : SearchRequest.SortOrder.parse(sort),
        integer(ctx, "page", 1),
        integer(ctx, "size", SearchRequest.DEFAULT_SIZE),
        text(ctx, "cursor"),
        bool(ctx, "facets", false),
        text(ctx, "collection"),
        interval(ctx));
  }

  static Histogram.Interval interval(Context ctx) {
    String value = text(ctx, "interval");
    return value == null ? null : Histogram.Interval.parse(value);
  }

  static boolean bool(Context ctx, String name, boolean fallback) {
    String value = text(ctx, name);
    if (value == null) {
      return fallback;
    }
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default ->
          throw new InvalidRequestException(
              name + " must be true or false, not '" + abbreviate(value) + "'");
    };
  }

  /** A parameter's value, stripped; null when absent or blank. */
  static String text(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_PARAM_CHARS) {
      throw new InvalidRequestException(
          name
              + " is too long: "
              + value.length()
              + " characters (at most "
              + MAX_PARAM_CHARS
              + ")");
    }
    if (value.indexOf('\0') >= 0) {
      throw new InvalidRequestException(name + " contains a NUL character");
    }
    return value.strip();
  }

  static int integer(Context ctx, String name, int fallback) {
    String value = text(ctx, name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(
          name + " must be a whole number, not '" + abbreviate(value) + "'");
    }
  }

  static LocalDate date(Context ctx, String name) {
    String value = text(ctx, name);
    if (value == null) {
      return null;
    }
    try {
      if (value.matches("\\d{4}")) {
        return LocalDate.of(
            Integer.parseInt(value), name.equals("to") ? 12 : 1, name.equals("to") ? 31 : 1);
      }
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          name
              + " must be a date like 2021-03-15 or a year like 2021, not '"
              + abbreviate(value)
              + "'");
    }
  }

  static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
