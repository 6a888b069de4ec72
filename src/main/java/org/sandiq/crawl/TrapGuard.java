package org.sandiq.crawl;

import java.net.URI;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses URLs that look like crawler traps, sites that generate links without end, and counts what
 * it refused:
 *
 * <ul>
 *   <li>paths that loop or go deep: the same segment repeated (relative links resolving into {@code
 *       /a/b/a/b/a/…}), more than {@value #MAX_PATH_SEGMENTS} segments;
 *   <li>queries longer than {@value #MAX_QUERY_LENGTH} characters;
 *   <li>calendars: URLs with a date in the path or a year/month/day/date parameter, grouped by
 *       their shape (digits replaced), at most {@value #MAX_PER_CALENDAR_SHAPE} of each shape per
 *       host;
 *   <li>query variants a site makes of its own pages: a calendar's "next month" with a new token
 *       every time, sort orders, filters, session-like parameters. A URL with a query, linked from
 *       a page that has a query itself and lies on the same path pattern (the path with digit runs
 *       replaced: {@code /cal/2024/05} ~ {@code /cal/#/#}), is such a variant; at most {@code
 *       maxQueryVariants} of them are followed per path pattern, and so per path. Links from
 *       elsewhere (a page without a query, another path, a seed, a sitemap) are not counted: {@code
 *       /news?id=1} … {@code /news?id=900} linked from the front page are articles, not a trap.
 * </ul>
 *
 * The bounds are counted per run: a resumed crawl starts them afresh (what was fetched before is
 * never fetched again).
 */
final class TrapGuard {
  static final int MAX_SEGMENT_REPEATS = 2;
  static final int MAX_PATH_SEGMENTS = 20;
  static final int MAX_QUERY_LENGTH = 256;
  static final int MAX_PER_CALENDAR_SHAPE = 20;

  private static final Pattern DATE_LIKE =
      Pattern.compile(
          "(?i)(?:^|[/=_\\-])(?:19|20)\\d\\d[-/_]?(?:0?[1-9]|1[0-2])(?:[-/_]?\\d{1,2})?(?:$|[/&.\\-_])"
              + "|[?&](?:year|month|day|date|week|cal|calendar)=");

  private static final Pattern DIGITS = Pattern.compile("\\d+");

  /** What kind of trap a URL was refused as, with the words the crawl summary uses. */
  enum Kind {
    QUERY_VARIANTS("query variants"),
    CALENDAR("calendar dates"),
    PATH("looping or deep paths"),
    LONG_QUERY("long queries");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /**
   * A refusal: its kind, and the path pattern or calendar shape it counted against (null for the
   * path and query-length rules).
   */
  record Trap(Kind kind, String pattern) {}

  private final int maxQueryVariants;
  private final Map<String, Set<String>> calendarShapes = new HashMap<>();
  private final Map<String, Set<String>> queryVariants = new HashMap<>();
  // Refused URLs by a 64-bit hash, so each is counted once however many pages link to it, and
  // uncounted when another page's link lets it in after all.
  private final Map<Long, Trap> refused = new HashMap<>();
  private final Map<Kind, Integer> refusedByKind = new EnumMap<>(Kind.class);
  private final Map<String, Integer> refusedByPattern = new HashMap<>();
  private final Map<String, String> patterns = new HashMap<>();

  TrapGuard(int maxQueryVariants) {
    if (maxQueryVariants < 1) {
      throw new IllegalArgumentException("maxQueryVariants must be at least 1");
    }
    this.maxQueryVariants = maxQueryVariants;
  }

  /**
   * What kind of trap {@code url} (canonical) looks like, or null when it does not (and then it
   * counts against its bounds). {@code from} is the canonical URL of the page that links to it, or
   * null for a seed or a sitemap entry.
   */
  Trap check(String url, String from) {
    Trap trap = trap(url, from);
    long hash = hash(url);
    if (trap != null && !refused.containsKey(hash)) {
      if (trap.pattern() != null) {
        // One copy of each pattern however many URLs it refuses.
        trap = new Trap(trap.kind(), patterns.computeIfAbsent(trap.pattern(), p -> p));
      }
      refused.put(hash, trap);
      count(trap, 1);
    } else if (trap == null && !refused.isEmpty()) {
      Trap before = refused.remove(hash);
      if (before != null) {
        count(before, -1);
      }
    }
    return trap;
  }

  private void count(Trap trap, int n) {
    refusedByKind.merge(trap.kind(), n, Integer::sum);
    if (trap.pattern() != null) {
      refusedByPattern.merge(trap.pattern(), n, Integer::sum);
    }
  }

  private Trap trap(String url, String from) {
    URI uri = URI.create(url);
    String path = uri.getRawPath();
    String[] segments = path.split("/");
    if (segments.length > MAX_PATH_SEGMENTS) {
      return new Trap(Kind.PATH, null);
    }
    Map<String, Integer> counts = new HashMap<>();
    for (String segment : segments) {
      if (!segment.isEmpty() && counts.merge(segment, 1, Integer::sum) > MAX_SEGMENT_REPEATS) {
        return new Trap(Kind.PATH, null);
      }
    }
    String query = uri.getRawQuery();
    if (query != null && query.length() > MAX_QUERY_LENGTH) {
      return new Trap(Kind.LONG_QUERY, null);
    }
    String host = hostAndPort(uri);
    String rest = path + (query == null ? "" : "?" + query);
    Set<String> shape = null;
    String shapeKey = null;
    if (DATE_LIKE.matcher(rest).find()) {
      shapeKey = host + DIGITS.matcher(rest).replaceAll("#");
      shape = calendarShapes.computeIfAbsent(shapeKey, k -> new HashSet<>());
      if (!shape.contains(url) && shape.size() >= MAX_PER_CALENDAR_SHAPE) {
        return new Trap(Kind.CALENDAR, shapeKey);
      }
    }
    Set<String> variants = null;
    String pattern = host + DIGITS.matcher(path).replaceAll("#");
    if (query != null && selfMade(pattern, from)) {
      variants = queryVariants.computeIfAbsent(pattern, k -> new HashSet<>());
      if (!variants.contains(url) && variants.size() >= maxQueryVariants) {
        return new Trap(Kind.QUERY_VARIANTS, pattern);
      }
    }
    if (shape != null) {
      shape.add(url);
    }
    if (variants != null) {
      variants.add(url);
    }
    return null;
  }

  /** Whether a link from {@code from} to a URL with a query on {@code pattern} is made by it. */
  private static boolean selfMade(String pattern, String from) {
    if (from == null) {
      return false;
    }
    URI source = URI.create(from);
    return source.getRawQuery() != null
        && pattern.equals(
            hostAndPort(source) + DIGITS.matcher(source.getRawPath()).replaceAll("#"));
  }

  private static String hostAndPort(URI uri) {
    return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  private static long hash(String url) {
    long h = 1125899906842597L; // a 64-bit string hash: collisions among a crawl's URLs are rare
    for (int i = 0; i < url.length(); i++) {
      h = 31 * h + url.charAt(i);
    }
    return h;
  }

  /** What was refused so far. */
  TrapCounts counts() {
    Map<String, Integer> byKind = new LinkedHashMap<>();
    for (Kind kind : Kind.values()) {
      byKind.put(kind.label, refusedByKind.getOrDefault(kind, 0));
    }
    String top = null;
    int topCount = 0;
    for (Map.Entry<String, Integer> e : refusedByPattern.entrySet()) {
      if (e.getValue() > topCount || e.getValue() == topCount && e.getKey().compareTo(top) < 0) {
        top = e.getKey();
        topCount = e.getValue();
      }
    }
    return new TrapCounts(refused.size(), byKind, top, topCount);
  }
}
