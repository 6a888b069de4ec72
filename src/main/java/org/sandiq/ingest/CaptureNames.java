package org.sandiq.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The names by which a revisit record points at the capture it repeats, and the names a capture
 * answers to: its record id ({@code WARC-Refers-To}), its URL and date ({@code
 * WARC-Refers-To-Target-URI} and {@code WARC-Refers-To-Date}), and its payload digest (a revisit of
 * the "identical payload digest" profile repeats any capture with that digest: the bytes are the
 * same). One home for both sides, so the revisits of one file and those of a later crawl's files
 * (looked up in the index, where each capture is indexed under these names) match alike.
 */
final class CaptureNames {
  private CaptureNames() {}

  /** The names of the capture {@code header} (a response or resource record) answers to. */
  static List<String> of(RecordHeader header) {
    List<String> names = new ArrayList<>(3);
    String id = header.field("WARC-Record-ID");
    if (id != null) {
      names.add(byId(id));
    }
    if (header.date() != null && header.targetUri() != null) {
      names.add(at(header.targetUri(), header.date()));
    }
    String digest = header.field("WARC-Payload-Digest");
    if (digest != null) {
      names.add(byDigest(digest));
    }
    return names;
  }

  /**
   * The names of the capture the revisit {@code header} repeats, the surest first: the record id,
   * then URL and date, then the payload digest.
   */
  static List<String> wanted(RecordHeader header) {
    List<String> names = new ArrayList<>(3);
    String id = header.field("WARC-Refers-To");
    if (id != null) {
      names.add(byId(id));
    }
    Instant refersToDate = Dates.parse(header.field("WARC-Refers-To-Date"));
    if (refersToDate != null) {
      String uri = header.field("WARC-Refers-To-Target-URI");
      String target = uri != null ? uri : header.targetUri();
      if (target != null) {
        names.add(at(target, refersToDate));
      }
    }
    String digest = header.field("WARC-Payload-Digest");
    if (digest != null) {
      names.add(byDigest(digest));
    }
    return names;
  }

  private static String byId(String id) {
    return BoundedKeys.of("id " + id.strip());
  }

  private static String at(String uri, Instant date) {
    return BoundedKeys.of("at " + uri + " " + date);
  }

  private static String byDigest(String digest) {
    return BoundedKeys.of("digest " + digest.strip().toUpperCase(Locale.ROOT));
  }
}
