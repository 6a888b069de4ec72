package org.sandiq.search;

import java.util.Locale;
import org.apache.lucene.queryparser.classic.ParseException;

/**
 * Finds the filters a query names at its top level ({@code site:bbc.com}, {@code -lang:ru}, {@code
 * after:2020}), outside quotes and parentheses, and takes them out of the text. Filters inside
 * groups stay in the text, where the parser handles them as ordinary clauses.
 */
final class TopLevelFilters {
  /** Receives each filter found. */
  @FunctionalInterface
  interface Sink {
    void accept(boolean negated, String field, String value) throws ParseException;
  }

  private TopLevelFilters() {}

  /**
   * Passes every top-level filter to {@code sink} and returns the rest of the text.
   *
   * @throws ParseException as the sink throws it
   */
  static String extract(String text, Sink sink) throws ParseException {
    StringBuilder rest = new StringBuilder(text.length());
    int depth = 0;
    boolean quoted = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      boolean tokenStart = i == 0 || Character.isWhitespace(text.charAt(i - 1));
      if (!quoted && depth == 0 && tokenStart) {
        int end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        String token = text.substring(i, end);
        boolean negated = token.startsWith("-");
        String body = negated || token.startsWith("+") ? token.substring(1) : token;
        int colon = body.indexOf(':');
        if (colon > 0 && colon < body.length() - 1) {
          String field = body.substring(0, colon).toLowerCase(Locale.ROOT);
          String value = body.substring(colon + 1);
          if (QueryBuilder.USER_FIELDS.contains(field)
              && !field.equals("title")
              && value.indexOf('"') < 0
              && value.indexOf('(') < 0) {
            sink.accept(negated, field, value);
            i = end;
            continue;
          }
        }
      }
      if (c == '\\' && i + 1 < text.length()) {
        rest.append(c).append(text.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      }
      rest.append(c);
      i++;
    }
    return rest.toString();
  }
}
