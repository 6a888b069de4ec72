package org.sandiq.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sandiq.index.Fields;

/**
 * Cuts one page out of ranked hits, collapsing exact duplicates and captures: only the best-ranked
 * copy of a text is shown, with the number of other copies, and only the best-ranked capture of a
 * URL (the hit says how many captures its URL has; {@code url:} lists them). Collapsing is done
 * over the ranked list, so a page may need more raw hits than its size (the caller fetches a
 * margin). A page reached by a cursor has not seen the hits before it, so there each candidate is
 * also asked whether another document with its text or URL ranks above it anywhere ({@link
 * Earlier}): a text or a URL is shown once over all pages, on the page of its best-ranked copy.
 *
 * <p>Both backends cut their pages here: {@code T} is a Lucene hit or an OpenSearch hit, and {@link
 * Keys} reads its text and capture keys.
 *
 * @param <T> a ranked hit
 */
public final class HitPage<T> {
  /** One shown hit and how many other documents share its text. */
  public record Entry<T>(T hit, int duplicates) {}

  /** Reads the collapse keys of a hit, and counts the copies of texts. */
  public interface Keys<T> {
    /** The exact-duplicate key ({@link Fields#TEXT_HASH}) of {@code hit}, or null. */
    String text(T hit) throws IOException;

    /** The capture key ({@link Fields#URL_KEY}) of {@code hit}, or null. */
    String url(T hit) throws IOException;

    /**
     * How many documents have each text key (at least 1 each); asked once per page, with the hits
     * the page shows (a remote backend fetches what it needs of them in the same request).
     */
    Map<String, Integer> copies(List<T> shown, Set<String> textKeys) throws IOException;
  }

  /**
   * Whether another document sharing {@code key} in {@code field} with {@code hit} ranks above it
   * in the same query and order (then an earlier page showed that one).
   */
  public interface Earlier<T> {
    boolean outranked(T hit, String field, String key) throws IOException;
  }

  private final List<Entry<T>> entries;
  private final T continueAfter;
  private final int distinct;

  private HitPage(List<Entry<T>> entries, T continueAfter, int distinct) {
    this.entries = entries;
    this.continueAfter = continueAfter;
    this.distinct = distinct;
  }

  /** The shown hits, best first. */
  public List<Entry<T>> entries() {
    return entries;
  }

  /**
   * How many distinct texts (and URLs) the page's cut found among the raw hits it read, those on
   * earlier numbered pages included: with the raw hits read, the rate at which copies thin a
   * ranking out ({@link PlannedSearch#deeperFetch}).
   */
  public int distinct() {
    return distinct;
  }

  /**
   * The last raw hit this page consumed (where a cursor continues), or null when it is the last.
   */
  public T continueAfter() {
    return continueAfter;
  }

  /**
   * @param ranked raw hits, best first
   * @param skip how many collapsed hits come before this page
   * @param size hits on this page
   * @param maybeMore whether there may be raw hits beyond {@code ranked}
   * @param earlier asks whether a hit's text or URL was shown above {@code ranked}; null for a
   *     first or numbered page, whose ranked list holds everything above it
   */
  public static <T> HitPage<T> cut(
      List<T> ranked, int skip, int size, boolean maybeMore, Keys<T> keys, Earlier<T> earlier)
      throws IOException {
    Set<String> seen = new HashSet<>();
    Set<String> urls = new HashSet<>();
    List<T> shown = new ArrayList<>(size);
    List<String> shownKeys = new ArrayList<>(size);
    int unique = 0;
    int i = 0;
    for (; i < ranked.size() && shown.size() < size; i++) {
      T hit = ranked.get(i);
      String key = keys.text(hit);
      if (key != null
          && (!seen.add(key)
              || (earlier != null && earlier.outranked(hit, Fields.TEXT_HASH, key)))) {
        continue;
      }
      String url = keys.url(hit);
      if (url != null
          && (!urls.add(url) || (earlier != null && earlier.outranked(hit, Fields.URL_KEY, url)))) {
        continue;
      }
      if (unique++ < skip) {
        continue;
      }
      shown.add(hit);
      shownKeys.add(key);
    }
    Set<String> asked = new LinkedHashSet<>(shownKeys);
    asked.remove(null);
    Map<String, Integer> copies = shown.isEmpty() ? Map.of() : keys.copies(shown, asked);
    List<Entry<T>> entries = new ArrayList<>(shown.size());
    for (int j = 0; j < shown.size(); j++) {
      String key = shownKeys.get(j);
      entries.add(new Entry<>(shown.get(j), key == null ? 0 : copies.getOrDefault(key, 1) - 1));
    }
    boolean more = i < ranked.size() || maybeMore;
    T last = entries.size() == size && more ? ranked.get(i - 1) : null;
    return new HitPage<>(entries, last, unique);
  }

  /** A page of {@code ranked} with every copy kept, each its own entry. */
  public static <T> HitPage<T> uncollapsed(List<T> ranked, int skip, int size, boolean maybeMore) {
    List<Entry<T>> entries = new ArrayList<>(size);
    for (int i = skip; i < Math.min(ranked.size(), skip + size); i++) {
      entries.add(new Entry<>(ranked.get(i), 0));
    }
    boolean more = skip + size < ranked.size() || maybeMore;
    T last = entries.size() == size && more ? ranked.get(skip + size - 1) : null;
    return new HitPage<>(entries, last, Math.min(ranked.size(), skip + size));
  }
}
