package org.sandiq.crawl;

import java.util.HashMap;
import java.util.Map;

/**
 * Politeness per host: when it may next be asked something, and how many errors it has given. The
 * crawler asks one host one thing at a time, so this is the whole of "one connection per host".
 */
final class HostPacer {
  private final Map<String, Long> readyAt = new HashMap<>();
  private final Map<String, Integer> errors = new HashMap<>();
  private final int errorBudget;

  HostPacer(int errorBudget) {
    this.errorBudget = errorBudget;
  }

  /** Milliseconds since the epoch at which {@code host} may be asked again. */
  long readyAt(String host) {
    return readyAt.getOrDefault(host, 0L);
  }

  /** {@code host} may not be asked again for {@code millis} from {@code now}. */
  void wait(String host, long now, long millis) {
    readyAt.merge(host, now + Math.max(0, millis), Math::max);
  }

  /** Counts an error of {@code host}; true when its budget is now spent. */
  boolean error(String host) {
    return errors.merge(host, 1, Integer::sum) >= errorBudget;
  }

  boolean exhausted(String host) {
    return errors.getOrDefault(host, 0) >= errorBudget;
  }
}
