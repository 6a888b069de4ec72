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

  /**
   * The format of the file at {@code path}, or empty when Sandiq does not read such files. Told by
   * the name; a web archive's name with one more suffix (Heritrix's {@code .warc.gz.open} while it
   * writes, a {@code .warc.gz.bad} set aside) is a web archive when its first bytes say so (gzip,
   * {@code WARC/}, or an ARC file description), so no archive is ignored for its name.
   */
  public static Optional<SourceFormat> of(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.startsWith(".")) {
      return Optional.empty();
    }
    if (ARCHIVE_WITH_SUFFIX.matcher(name).matches()) {
      return looksLikeArchive(path) ? Optional.of(WARC) : Optional.empty();
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

  private static final java.util.regex.Pattern ARCHIVE_WITH_SUFFIX =
      java.util.regex.Pattern.compile(".+\\.w?arc(\\.gz)?\\.(?!gz$)[a-z0-9]{1,8}");

  private static boolean looksLikeArchive(Path path) {
    byte[] head = new byte[9];
    int n;
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(path)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (java.io.IOException e) {
      return false;
    }
    String start = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    return GzipMember.isHeader(head, 0)
        || start.startsWith("WARC/")
        || start.startsWith("filedesc:");
  }
}
