package org.sandiq.crawl;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses URLs that look like crawler traps, sites that generate links without end: the same path
 * segment repeated (relative links resolving into {@code /a/b/a/b/a/…}), very deep paths,
 * ever-growing query strings, and calendars (every month links to the next). Calendar-like URLs (a
 * date in the path or a year/month/day/date parameter) are grouped by their shape, digits replaced,
 * and only the first {@code maxPerPattern} of each shape per host are let through.
 */
final class TrapGuard {
  static final int MAX_SEGMENT_REPEATS = 2;
  static final int MAX_PATH_SEGMENTS = 20;
  static final int MAX_QUERY_LENGTH = 256;

  private static final Pattern DATE_LIKE =
      Pattern.compile(
          "(?i)(?:^|[/=_\\-])(?:19|20)\\d\\d[-/_]?(?:0?[1-9]|1[0-2])(?:[-/_]?\\d{1,2})?(?:$|[/&.\\-_])"
              + "|[?&](?:year|month|day|date|week|cal|calendar)=");

  private final int maxPerPattern;
  private final Map<String, Set<String>> seenPerShape = new HashMap<>();

  TrapGuard(int maxPerPattern) {
    this.maxPerPattern = maxPerPattern;
  }

  /** Why {@code url} (canonical) looks like a trap, or null when it does not. */
  String trapReason(String url) {
    URI uri = URI.create(url);
    String path = uri.getRawPath();
    String[] segments = path.split("/");
    if (segments.length > MAX_PATH_SEGMENTS) {
      return "path deeper than " + MAX_PATH_SEGMENTS + " segments";
    }
    Map<String, Integer> counts = new HashMap<>();
    for (String segment : segments) {
      if (!segment.isEmpty() && counts.merge(segment, 1, Integer::sum) > MAX_SEGMENT_REPEATS) {
        return "path segment '" + segment + "' repeated";
      }
    }
    String query = uri.getRawQuery();
    if (query != null && query.length() > MAX_QUERY_LENGTH) {
      return "query longer than " + MAX_QUERY_LENGTH + " characters";
    }
    String rest = path + (query == null ? "" : "?" + query);
    if (DATE_LIKE.matcher(rest).find()) {
      String shape = uri.getHost() + ":" + uri.getPort() + rest.replaceAll("\\d+", "#");
      Set<String> seen = seenPerShape.computeIfAbsent(shape, k -> new HashSet<>());
      if (!seen.contains(url) && seen.size() >= maxPerPattern) {
        return "calendar-like URLs of shape " + shape + " beyond " + maxPerPattern;
      }
      seen.add(url);
    }
    return null;
  }
}
