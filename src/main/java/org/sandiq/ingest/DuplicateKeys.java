package org.sandiq.ingest;

import java.net.URI;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The keys that group copies of a document, computed from its clean text and URL.
 *
 * @param exact the same for documents with the same text (case, accents and spacing aside): 16 hex
 *     digits of SHA-256 over the normalised text
 * @param near a MinHash sketch over 4-word shingles of the normalised text, 32 hex digits: texts
 *     that differ only in a few words (a date line, a counter, a changed teaser) usually get the
 *     same value, so equal values form a near-duplicate cluster; null for texts under 8 words
 * @param url the normalised URL (lower-case host without {@code www.}, no fragment, no tracking
 *     parameters, no trailing slash) shared by every capture of one page; null for loose files
 * @see <a href="https://doi.org/10.1109/SEQUEN.1997.666900">Broder, On the resemblance and
 *     containment of documents (MinHash), 1997</a>
 */
public record DuplicateKeys(String exact, String near, String url) {
  private static final Pattern TRACKING = Pattern.compile("^(utm_[a-z]+|fbclid|gclid)=.*");
  private static final int SHINGLE = 4;

  /** The keys of {@code doc}. */
  public static DuplicateKeys of(CleanDocument doc) {
    KeyWords words = KeyWords.of(doc.text());
    String exact = HexFormat.of().formatHex(DocumentIds.sha256(words.joined()), 0, 8);
    String near = words.count() < 2 * SHINGLE ? null : minHash(words.hashes(), words.count());
    return new DuplicateKeys(exact, near, urlKey(doc.url()));
  }

  /**
   * A MinHash sketch of the shingle set: its two smallest shingle hashes. Two texts share it with a
   * probability close to the square of their Jaccard similarity (about 0.8 for texts 90% alike,
   * almost never for different ones), so one value serves as a cluster key without comparing
   * documents pairwise.
   */
  private static String minHash(long[] wordHashes, int words) {
    long first = -1; // unsigned maximum
    long second = -1;
    for (int i = 0; i + SHINGLE <= words; i++) {
      // The shingle's hash from its words' hashes, order-sensitive: no string per shingle.
      long h = 0;
      for (int k = 0; k < SHINGLE; k++) {
        h = KeyWords.mix(h * 0x9E3779B97F4A7C15L + wordHashes[i + k]);
      }
      if (Long.compareUnsigned(h, first) < 0) {
        second = first;
        first = h;
      } else if (h != first && Long.compareUnsigned(h, second) < 0) {
        second = h;
      }
    }
    return HexFormat.of().toHexDigits(first) + HexFormat.of().toHexDigits(second);
  }

  /** The normalised form of an http(s) URL, or null when {@code url} is none. */
  public static String urlKey(String url) {
    if (Sites.hostOf(url) == null) {
      return null;
    }
    try {
      URI uri = URI.create(url.strip());
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (path.length() > 1 && path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      StringBuilder key = new StringBuilder(Sites.hostOf(url));
      if (uri.getPort() > 0 && uri.getPort() != 80 && uri.getPort() != 443) {
        key.append(':').append(uri.getPort());
      }
      key.append(path);
      if (uri.getRawQuery() != null) {
        List<String> kept = new ArrayList<>();
        for (String param : uri.getRawQuery().split("&")) {
          if (!param.isEmpty() && !TRACKING.matcher(param.toLowerCase(Locale.ROOT)).matches()) {
            kept.add(param);
          }
        }
        if (!kept.isEmpty()) {
          key.append('?').append(String.join("&", kept));
        }
      }
      return BoundedKeys.of(key.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
