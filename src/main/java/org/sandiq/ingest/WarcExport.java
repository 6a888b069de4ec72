package org.sandiq.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Writes a WARC file of exported documents to a stream, one gzip member per record (what pywb,
 * SolrWayback and other WARC tools read): a {@code warcinfo} record, then for each document the
 * original record it was indexed from, copied unchanged (headers, block and so digests), or, for a
 * document that came from a loose file or a record that cannot be copied, a {@code resource} record
 * holding the file's bytes with its SHA-1 block digest (a {@code response} record for an ARC
 * record's HTTP response).
 */
public final class WarcExport implements Closeable {
  private final Corpus corpus;
  private final WarcWriter writer;

  /** Starts the WARC on {@code out} with its {@code warcinfo} record. */
  public WarcExport(Corpus corpus, OutputStream out, String software) throws IOException {
    this.corpus = corpus;
    this.writer = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP);
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("software", List.of(software));
    fields.put("format", List.of("WARC File Format 1.1"));
    fields.put("description", List.of("documents exported from a Sandiq search"));
    writer.write(
        new Warcinfo.Builder()
            .version(MessageVersion.WARC_1_1)
            .date(Instant.now())
            .filename("sandiq-export.warc.gz")
            .fields(fields)
            .build());
  }

  /**
   * Writes the document from {@code source} ({@code path#offset} for an archive record, else a
   * corpus path): the original record when it is a WARC response, resource or revisit, else a
   * resource record of the raw bytes (or of {@code text} when the source is gone).
   *
   * @param url the document's URL (used for a resource record; a relative path becomes a {@code
   *     urn:} name)
   * @param date the document's capture or publication date, or null
   */
  public void write(String source, String url, Instant date, String text) throws IOException {
    if (source != null && copy(source)) {
      return;
    }
    Optional<byte[]> raw = source == null ? Optional.empty() : corpus.readRaw(source);
    byte[] body =
        raw.orElseGet(
            () -> (text == null ? "" : text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (raw.isPresent() && isHttpFromArc(source, body)) {
      // An ARC record holds the HTTP response, headers and all: a WARC response record, as
      // ARC-to-WARC converters write it, so that replay tools (and Sandiq) read its headers as
      // headers, not as the first lines of a text.
      writer.write(
          new WarcResponse.Builder(target(url, source))
              .version(MessageVersion.WARC_1_1)
              .date(date == null ? Instant.now() : date)
              .blockDigest(sha1(body))
              .body(MediaType.HTTP_RESPONSE, body)
              .build());
      return;
    }
    String type = raw.isPresent() ? typeOf(source) : "text/plain;charset=utf-8";
    writer.write(
        new WarcResource.Builder(target(url, source))
            .version(MessageVersion.WARC_1_1)
            .date(date == null ? Instant.now() : date)
            .blockDigest(sha1(body))
            .body(MediaType.parse(type), body)
            .build());
  }

  /** Whether {@code body}, read from the record at {@code source}, is an ARC record's response. */
  private static boolean isHttpFromArc(String source, byte[] body) {
    Matcher m = Corpus.recordSource(source);
    if (m == null) {
      return false;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    return (name.endsWith(".arc") || name.endsWith(".arc.gz"))
        && body.length >= 5
        && new String(body, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("HTTP/");
  }

  /** Copies the WARC record at {@code path#offset}; false when there is none to copy. */
  private boolean copy(String source) throws IOException {
    Matcher m = Corpus.recordSource(source);
    if (m == null) {
      return false;
    }
    Optional<Path> file = corpus.inside(m.group(1));
    String name = m.group(1).toLowerCase(Locale.ROOT);
    if (file.isEmpty() || !(name.endsWith(".warc") || name.endsWith(".warc.gz"))) {
      return false; // ARC records and JSON lines become resource records
    }
    try (FileChannel channel = FileChannel.open(file.get())) {
      channel.position(Long.parseLong(m.group(2)));
      WarcReader reader = new WarcReader(channel);
      Optional<WarcRecord> record = reader.next();
      if (record.isEmpty()
          || !(record.get() instanceof WarcResponse
              || record.get() instanceof WarcResource
              || record.get() instanceof WarcRevisit)) {
        return false;
      }
      writer.write(record.get());
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // damaged: the resource record below still carries the document
    }
  }

  /**
   * The name a resource record of a document without a URL (a loose file, a JSON line) carries:
   * {@code urn:sandiq:} and its corpus path, percent-encoded. {@link #exportedPath} reads it back.
   */
  private static final String EXPORTED = "urn:sandiq:";

  /**
   * The corpus path of a document a Sandiq export wrote as a resource record ({@code
   * urn:sandiq:notes%2Fa.txt} → {@code notes/a.txt}), or null for any other target URI: an export
   * indexed again finds its loose files and JSON lines as such.
   */
  static String exportedPath(String targetUri) {
    if (targetUri == null || !targetUri.startsWith(EXPORTED)) {
      return null;
    }
    try {
      String path =
          java.net.URLDecoder.decode(
              targetUri.substring(EXPORTED.length()), java.nio.charset.StandardCharsets.UTF_8);
      return path.isBlank() ? null : path;
    } catch (IllegalArgumentException e) {
      return null; // a broken escape: not one of ours
    }
  }

  private static URI target(String url, String source) {
    try {
      URI uri = URI.create(url);
      if (uri.isAbsolute()) {
        return uri;
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      // a path, not a URL
    }
    String name = source == null ? String.valueOf(url) : source;
    return URI.create(
        EXPORTED
            + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
  }

  private static String typeOf(String source) {
    String s = source.toLowerCase(Locale.ROOT);
    if (s.contains(".htm")) {
      return "text/html";
    }
    if (s.contains(".jsonl")) {
      return "application/json";
    }
    return "text/plain";
  }

  private static WarcDigest sha1(byte[] body) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(body);
      return new WarcDigest(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
