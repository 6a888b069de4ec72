package org.sandiq.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of corpus file Sandiq reads, recognised by file name. Text and HTML files may also be
 * gzip-compressed ({@code .html.gz}, {@code .txt.gz}).
 */
public enum SourceFormat {
  /** Plain text: one document, its first line the title when it looks like one. */
  TEXT,
  /** An HTML page saved to disk: one document. */
  HTML,
  /**
   * A web archive: WARC ({@code .warc}, {@code .warc.gz}) or its predecessor ARC ({@code .arc},
   * {@code .arc.gz}), plain or gzip-compressed whatever the name says: one document per HTML or
   * plain-text capture (response, resource, or revisit of a capture in the same file).
   */
  WARC,
  /**
   * JSON Lines of documents that are already clean text ({@code .jsonl}, {@code .ndjson}, either
   * optionally {@code .gz}): one document per line, an object with {@code text} and optionally
   * {@code id}, {@code title}, {@code url}, {@code lang} and {@code date}. For archives exported
   * from another system.
   */
  JSONL;

  /** The format of the file at {@code path}, or empty when Sandiq does not read such files. */
  public static Optional<SourceFormat> of(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.startsWith(".")) {
      return Optional.empty();
    }
    if (name.endsWith(".jsonl")
        || name.endsWith(".jsonl.gz")
        || name.endsWith(".ndjson")
        || name.endsWith(".ndjson.gz")) {
      return Optional.of(JSONL);
    }
    if (name.endsWith(".gz") && !name.endsWith(".warc.gz") && !name.endsWith(".arc.gz")) {
      // A gzip-compressed text or HTML file (.html.gz, as benchmarks ship pages) reads as its
      // uncompressed self: SourceReader unpacks it.
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".txt")) {
      return Optional.of(TEXT);
    }
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return Optional.of(HTML);
    }
    if (name.endsWith(".warc")
        || name.endsWith(".warc.gz")
        || name.endsWith(".arc")
        || name.endsWith(".arc.gz")) {
      return Optional.of(WARC);
    }
    return Optional.empty();
  }
}
