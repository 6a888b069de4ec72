package org.sandiq.index;

import java.util.Locale;
import org.sandiq.ingest.DuplicateKeys;

/**
 * The capture key ({@link Fields#URL_KEY}) of a URL as a user types it: with or without {@code
 * http://}, {@code www.}, a trailing slash or tracking parameters, the key every capture of that
 * page was indexed under. The search side looks captures up by it.
 */
public final class CaptureKeys {
  private CaptureKeys() {}

  /** The key of {@code url} (a scheme is assumed when missing), or null when it is no web URL. */
  public static String of(String url) {
    String u = url.strip();
    if (!u.toLowerCase(Locale.ROOT).matches("https?://.*")) {
      u = "http://" + u;
    }
    return DuplicateKeys.urlKey(u);
  }
}
