package org.sandiq.ingest;

import java.time.Instant;
import java.util.List;

/**
 * One document as it was found, before any cleaning.
 *
 * @param source where it came from: the corpus-relative path, with {@code #offset} for a WARC
 *     record; stable across runs, so it is the basis of the document id
 * @param url the archived URL (WARC target URI), or null for a loose file
 * @param captureDate when the archive captured it (WARC-Date), or null
 * @param format how {@link #body} is to be read (text or HTML)
 * @param body the raw bytes of the document (for WARC records: the HTTP payload, decoded from any
 *     transfer or content encoding)
 * @param declaredCharset the charset the archive declared (HTTP Content-Type), or null
 * @param captureNames for an archived capture, the names a revisit in another file may point at it
 *     by ({@link CaptureNames}); empty otherwise
 */
public record RawDocument(
    String source,
    String url,
    Instant captureDate,
    SourceFormat format,
    byte[] body,
    String declaredCharset,
    List<String> captureNames) {
  public RawDocument {
    captureNames = captureNames == null ? List.of() : List.copyOf(captureNames);
  }

  /** A document no revisit can point at: a loose file, a JSON line, a revisit itself. */
  public RawDocument(
      String source,
      String url,
      Instant captureDate,
      SourceFormat format,
      byte[] body,
      String declaredCharset) {
    this(source, url, captureDate, format, body, declaredCharset, List.of());
  }
}
