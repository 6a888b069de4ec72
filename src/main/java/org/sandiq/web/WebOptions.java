package org.sandiq.web;

import java.util.List;

/**
 * How the HTTP application is set up beyond its search service.
 *
 * @param rawSources where the raw-source links read from
 * @param adminToken the bearer token admin actions need; null turns them off
 * @param admin the admin actions themselves
 * @param corsOrigins origins other sites' pages may call the API from; empty: none (CORS off)
 * @param archive where WARC exports get their records ({@link ArchiveExport#NONE}: refused)
 * @param maxExport the most documents one export may hold
 */
public record WebOptions(
    RawSources rawSources,
    String adminToken,
    AdminActions admin,
    List<String> corsOrigins,
    ArchiveExport archive,
    long maxExport) {

  /** The default export limit. */
  public static final long DEFAULT_MAX_EXPORT = 1_000_000;

  public WebOptions {
    rawSources = rawSources == null ? RawSources.NONE : rawSources;
    archive = archive == null ? ArchiveExport.NONE : archive;
    if (maxExport < 1) {
      throw new IllegalArgumentException("the export limit must be positive");
    }
    admin = admin == null ? AdminActions.NONE : admin;
    corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
    if (adminToken != null && adminToken.length() < 16) {
      throw new IllegalArgumentException(
          "the admin token must be at least 16 characters (it guards reindexing)");
    }
  }

  /** Without WARC export, with the default export limit. */
  public WebOptions(
      RawSources rawSources, String adminToken, AdminActions admin, List<String> corsOrigins) {
    this(rawSources, adminToken, admin, corsOrigins, null, DEFAULT_MAX_EXPORT);
  }

  /** Raw sources only: no admin actions, no CORS. */
  public static WebOptions of(RawSources rawSources) {
    return new WebOptions(rawSources, null, null, List.of());
  }

  /** What {@code POST /api/reindex} does. */
  public interface AdminActions {
    /** Starts a reindex in the background; false when one is already running. */
    boolean startReindex();

    /** No actions. */
    AdminActions NONE = () -> false;
  }
}
