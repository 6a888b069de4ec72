package org.sandiq.ingest;

import java.net.URI;
import java.util.Locale;

/** The site a document belongs to, for the site facet. */
final class Sites {
  /** The longest host name DNS allows. */
  private static final int MAX_HOST_CHARS = 253;

  private Sites() {}

  /**
   * The host of an http(s) URL, lower-case and without a leading {@code www.}; null when {@code
   * url} is not an absolute web URL.
   */
  static String hostOf(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = URI.create(url.strip());
      String scheme = uri.getScheme();
      String host = uri.getHost();
      if (host == null
          || scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        return null;
      }
      if (host.length() > MAX_HOST_CHARS) {
        return null; // no host name is longer: a made-up one
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The collection a loose file belongs to: the first folder of its corpus-relative path, or {@code
   * corpus} for a file at the top.
   */
  static String collectionOf(String relativePath) {
    int slash = relativePath.indexOf('/');
    return slash > 0 ? relativePath.substring(0, slash) : "corpus";
  }
}
