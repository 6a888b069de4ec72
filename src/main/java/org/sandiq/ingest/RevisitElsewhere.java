package org.sandiq.ingest;

import java.time.Instant;
import java.util.List;

/**
 * A revisit whose capture is not in its own file: a deduplicating crawl writes each unchanged page
 * as a revisit of a capture in an earlier crawl's file. The reindex looks the capture up in the
 * index by {@link #wanted} once every file has been read, and indexes this capture with its payload
 * ({@link SourceReader#revisitOf}).
 *
 * @param file the corpus-relative path of the archive holding the revisit record
 * @param source the revisit record's address, {@code path#offset}: the document's source
 * @param url the URL revisited
 * @param date when it was revisited, or null
 * @param wanted the names of the capture it repeats, the surest first
 */
public record RevisitElsewhere(
    String file, String source, String url, Instant date, List<String> wanted) {
  public RevisitElsewhere {
    wanted = List.copyOf(wanted);
  }
}
