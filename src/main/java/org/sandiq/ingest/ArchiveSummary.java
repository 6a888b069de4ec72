package org.sandiq.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What reading one web archive (WARC or ARC) found: how many records it holds, how many became
 * documents, why the others did not, and every place that was damaged.
 *
 * @param records the records read (a damaged place that starts no readable record is not one)
 * @param documents the records handed on as documents (pages and plain texts, resolved revisits)
 * @param skipped the records that are no document, by why
 * @param damage each damaged place: its offset and why, in file order
 */
public record ArchiveSummary(
    long records, long documents, Map<Skip, Long> skipped, List<Damage> damage) {

  public ArchiveSummary {
    skipped = Map.copyOf(skipped);
    damage = List.copyOf(damage);
  }

  /** Why a record is no document. */
  public enum Skip {
    /** Requests, metadata, warcinfo, DNS lookups: bookkeeping, not captured pages. */
    NOT_A_PAGE("not a page"),
    /** A capture of something other than HTML or plain text (images, scripts, styles, PDF). */
    NOT_HTML("not HTML"),
    /** A payload that says it is text but is binary (NUL or control bytes). */
    NOT_TEXT("not text"),
    /** A redirect, an error page, any response but 2xx. */
    HTTP_STATUS("not 2xx"),
    /** A capture with an empty payload. */
    EMPTY("empty"),
    /** A revisit whose original is not in the same file. */
    REVISIT("revisit");

    private final String label;

    Skip(String label) {
      this.label = label;
    }

    /** How the summary line names it. */
    public String label() {
      return label;
    }
  }

  /** A damaged place in the file: where it starts and why it could not be read. */
  public record Damage(long offset, String reason) {
    @Override
    public String toString() {
      return "offset " + offset + ": " + reason;
    }
  }

  /** Whether the file was read without damage. */
  public boolean intact() {
    return damage.isEmpty();
  }

  /**
   * One line: {@code 133 records, 41 documents; skipped: not a page 62, not HTML 24, not 2xx 6;
   * damaged 1: offset 2560: record cut off …}.
   */
  public String line() {
    return line(documents);
  }

  /** {@link #line()} with {@code documents} as the number of documents (those indexed). */
  public String line(long documents) {
    StringBuilder out =
        new StringBuilder(
            String.format(Locale.ROOT, "%d records, %d documents", records, documents));
    List<String> kinds = new ArrayList<>();
    for (Skip kind : Skip.values()) {
      long n = skipped.getOrDefault(kind, 0L);
      if (n > 0) {
        kinds.add(kind.label() + " " + n);
      }
    }
    if (!kinds.isEmpty()) {
      out.append("; skipped: ").append(String.join(", ", kinds));
    }
    if (!damage.isEmpty()) {
      out.append("; damaged ").append(damage.size()).append(": ");
      List<String> places = new ArrayList<>();
      for (Damage d : damage.subList(0, Math.min(damage.size(), 5))) {
        places.add(d.toString());
      }
      out.append(String.join("; ", places));
      if (damage.size() > 5) {
        out.append("; … ").append(damage.size() - 5).append(" more");
      }
    }
    return out.toString();
  }

  /** Counts while a file is read (one reading thread). */
  static final class Tally {
    private long records;
    private long documents;
    private final Map<Skip, Long> skipped = new EnumMap<>(Skip.class);
    private final List<Damage> damage = new ArrayList<>();

    void record() {
      records++;
    }

    void document() {
      documents++;
    }

    void skip(Skip kind) {
      skipped.merge(kind, 1L, Long::sum);
    }

    void damaged(long offset, String reason) {
      damage.add(new Damage(offset, reason));
    }

    long records() {
      return records;
    }

    ArchiveSummary summary() {
      return new ArchiveSummary(records, documents, skipped, damage);
    }
  }
}
