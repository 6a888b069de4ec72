package org.sandiq.search;

/**
 * Whether the index can answer searches, as {@code GET /api/health} reports it.
 *
 * @param status {@code ok}; {@code degraded} (every document searchable, some copies missing: an
 *     OpenSearch cluster in yellow); or {@code unavailable} (documents missing or unreachable: a
 *     cluster in red, or down)
 * @param detail what the backend said, for the operator (null when ok)
 */
public record IndexHealth(String status, String detail) {
  /** All well. */
  public static final IndexHealth OK = new IndexHealth("ok", null);

  /** Whether searches are answered (ok or degraded). */
  public boolean searchable() {
    return !status.equals("unavailable");
  }
}
