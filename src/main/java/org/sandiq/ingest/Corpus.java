package org.sandiq.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A folder of archived documents, read recursively. Hidden files and folders are ignored. */
public final class Corpus {
  private final Path root;

  /** The file at the corpus root that names collections: {@code folder = Name} per line. */
  public static final String COLLECTIONS_FILE = "collections.properties";

  private final java.util.Map<String, String> collectionNames;

  public Corpus(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.collectionNames = collectionNames(this.root.resolve(COLLECTIONS_FILE));
  }

  public Path root() {
    return root;
  }

  /**
   * Every readable file under the root, in path order, with its size and modification time.
   *
   * @throws IOException when the root is missing or cannot be listed
   */
  public List<CorpusFile> files() throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("corpus folder " + root + " does not exist or is not a folder");
    }
    List<CorpusFile> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
      walk.filter(p -> !isHidden(root.relativize(p)))
          .forEach(
              p -> {
                Optional<SourceFormat> format = SourceFormat.of(p);
                if (format.isEmpty()) {
                  return;
                }
                try {
                  BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class);
                  if (attrs.isRegularFile()) {
                    files.add(
                        new CorpusFile(
                            p,
                            relativeName(p),
                            attrs.size(),
                            attrs.lastModifiedTime().toMillis(),
                            format.get()));
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    files.sort(Comparator.comparing(CorpusFile::relativePath));
    return files;
  }

  /** The corpus file at {@code path} (which need not be under the root: then its file name). */
  public CorpusFile file(Path path) throws IOException {
    Path p = path.toAbsolutePath().normalize();
    SourceFormat format =
        SourceFormat.of(p)
            .orElseThrow(
                () ->
                    new IOException(
                        p
                            + ": not a file Sandiq reads (.txt, .html, .htm, optionally .gz, .warc, .warc.gz,"
                            + " .arc, .arc.gz, .jsonl, .jsonl.gz)"));
    BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class);
    String name = p.startsWith(root) ? relativeName(p) : p.getFileName().toString();
    return new CorpusFile(p, name, attrs.size(), attrs.lastModifiedTime().toMillis(), format);
  }

  /**
   * The raw bytes behind a document's source: the file itself, or for {@code path#offset} the
   * content block of the WARC or ARC record at that offset (HTTP headers and payload), or the JSON
   * line that starts there. Empty when the source names nothing inside the corpus: a path that
   * leaves the root ({@code ..}, absolute, links out), a file Sandiq does not read, or no record at
   * the offset.
   */
  public Optional<byte[]> readRaw(String source) {
    if (source == null || source.isEmpty() || source.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    String path = source;
    long offset = -1;
    java.util.regex.Matcher m = RECORD.matcher(source);
    if (m.matches()) {
      path = m.group(1);
      offset = Long.parseLong(m.group(2));
    }
    try {
      Optional<Path> found = inside(path);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      Path file = found.get();
      if (offset < 0) {
        return Files.size(file) > SourceReader.MAX_FILE_BYTES
            ? Optional.empty()
            : Optional.of(Files.readAllBytes(file));
      }
      return SourceFormat.of(file).get() == SourceFormat.JSONL
          ? JsonLines.lineAt(file, offset)
          : WarcRecords.blockAt(file, offset);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code revisit} as a document with the payload of the capture at {@code source} ({@code
   * path#offset} of a web archive in this corpus, as the index found it), or empty when that is no
   * longer a page of the corpus (the file changed or went).
   */
  public Optional<RawDocument> revisitOf(String source, RevisitElsewhere revisit)
      throws IOException {
    java.util.regex.Matcher m = source == null ? null : recordSource(source);
    if (m == null) {
      return Optional.empty();
    }
    Optional<Path> file = inside(m.group(1));
    if (file.isEmpty() || SourceFormat.of(file.get()).get() != SourceFormat.WARC) {
      return Optional.empty();
    }
    return WarcRecords.revisitOf(file.get(), Long.parseLong(m.group(2)), revisit);
  }

  /**
   * The collection of the file at corpus-relative {@code path}: the name {@value #COLLECTIONS_FILE}
   * gives its top folder, else the folder's own name ({@code corpus} for a file at the top).
   */
  public String collectionOf(String path) {
    String p = path.replace('\\', '/');
    int slash = p.indexOf('/');
    String folder = slash > 0 ? p.substring(0, slash) : "corpus";
    return collectionNames.getOrDefault(folder, folder);
  }

  /** The names in {@code file} (UTF-8 properties), or none when it is absent or unreadable. */
  private static java.util.Map<String, String> collectionNames(Path file) {
    if (!Files.isRegularFile(file)) {
      return java.util.Map.of();
    }
    java.util.Properties names = new java.util.Properties();
    try (var reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
      names.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      return java.util.Map.of(); // a broken file names nothing; folders stay collections
    }
    java.util.Map<String, String> map = new java.util.HashMap<>();
    names.forEach(
        (k, v) -> {
          String name = v.toString().strip();
          if (!name.isEmpty()) {
            map.put(k.toString().strip(), name);
          }
        });
    return java.util.Map.copyOf(map);
  }

  /**
   * The file at corpus-relative {@code path}, when it lies inside the corpus (no {@code ..}, no
   * absolute path, no link out) and is a file Sandiq reads; else empty.
   */
  public Optional<Path> inside(String path) throws IOException {
    if (path == null || path.isEmpty() || path.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root)
        || !Files.isRegularFile(file)
        || !file.toRealPath().startsWith(root.toRealPath())
        || SourceFormat.of(file).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(file);
  }

  /** {@code path#offset}: the path and offset of a record source, or null for a whole file. */
  static java.util.regex.Matcher recordSource(String source) {
    java.util.regex.Matcher m = RECORD.matcher(source);
    return m.matches() ? m : null;
  }

  private static final java.util.regex.Pattern RECORD =
      java.util.regex.Pattern.compile("(.+)#(\\d{1,18})");

  private String relativeName(Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
