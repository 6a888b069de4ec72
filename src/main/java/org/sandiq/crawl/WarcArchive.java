package org.sandiq.crawl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Appends exchanges to WARC 1.1 files, gzip per record. Each file starts with a {@code warcinfo}
 * record; each exchange is a {@code request} and a {@code response} (or {@code revisit}) that point
 * to each other with {@code WARC-Concurrent-To}. Records are serialised in memory first and the
 * pair is appended with one write, so a kill leaves at worst a torn tail that {@link WarcRecovery}
 * trims. A new file is begun when the current one passes the roll size; every run of the crawler
 * begins a new file, so it never appends to a file another run may have left torn.
 */
final class WarcArchive implements AutoCloseable {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
  static final String PREFIX = "sandiq-crawl-";

  private final Path dir;
  private final long rollBytes;
  private final String software;
  private final String runStamp;
  private int sequence;
  private FileChannel channel;
  private Path file;
  private URI warcinfoId;

  /** Where an archived exchange landed: what the journal records and a revisit refers to. */
  record Stored(String file, long endOffset, URI responseId, Instant date, String payloadDigest) {}

  /** The original capture an unchanged page refers to. */
  record Original(URI recordId, String url, Instant date, String payloadDigest) {}

  WarcArchive(Path dir, long rollBytes, String software) {
    this.dir = dir;
    this.rollBytes = rollBytes;
    this.software = software;
    this.runStamp = STAMP.format(Instant.now());
  }

  /** Appends {@code exchange} as request + response records. */
  Stored writeResponse(Exchange exchange) throws IOException {
    return write(exchange, null);
  }

  /** Appends {@code exchange} as request + revisit records pointing at {@code original}. */
  Stored writeRevisit(Exchange exchange, Original original) throws IOException {
    return write(exchange, original);
  }

  private Stored write(Exchange ex, Original original) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(ex.body().length + 4096);
    boolean newFile = channel == null || channel.size() >= rollBytes;
    if (newFile) {
      roll();
    }
    URI target = URI.create(ex.url());
    URI responseId = newId();
    URI requestId = newId();
    String digest = payloadDigest(ex.body());
    try (WarcWriter writer = new WarcWriter(Channels.newChannel(buffer), WarcCompression.GZIP)) {
      if (newFile) {
        writer.write(warcinfo(file.getFileName().toString()));
      }
      HttpResponse http = httpResponse(ex, original != null);
      WarcRecord response;
      if (original == null) {
        WarcResponse.Builder b =
            new WarcResponse.Builder(target)
                .version(MessageVersion.WARC_1_1)
                .recordId(responseId)
                .date(ex.date())
                .warcinfoId(warcinfoId)
                .body(http)
                .payloadDigest(new WarcDigest(digest))
                .concurrentTo(requestId);
        if (ex.address() != null) {
          b.ipAddress(ex.address());
        }
        if (ex.truncated()) {
          b.truncated(WarcTruncationReason.LENGTH);
        }
        response = b.build();
      } else {
        WarcRevisit.Builder b =
            new WarcRevisit.Builder(target, revisitProfile(ex))
                .version(MessageVersion.WARC_1_1)
                .recordId(responseId)
                .date(ex.date())
                .warcinfoId(warcinfoId)
                .body(http)
                .refersTo(original.recordId(), URI.create(original.url()), original.date())
                .payloadDigest(new WarcDigest(original.payloadDigest()))
                .concurrentTo(requestId);
        if (ex.address() != null) {
          b.ipAddress(ex.address());
        }
        response = b.build();
      }
      WarcRequest.Builder rb =
          new WarcRequest.Builder(target)
              .version(MessageVersion.WARC_1_1)
              .recordId(requestId)
              .date(ex.date())
              .warcinfoId(warcinfoId)
              .body(httpRequest(ex, target))
              .concurrentTo(responseId);
      if (ex.address() != null) {
        rb.ipAddress(ex.address());
      }
      writer.write(rb.build());
      writer.write(response);
    }
    ByteBuffer bytes = ByteBuffer.wrap(buffer.toByteArray());
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    String stored =
        original == null ? digest : original.payloadDigest(); // a revisit stands for the original
    return new Stored(file.getFileName().toString(), channel.size(), responseId, ex.date(), stored);
  }

  private static URI revisitProfile(Exchange ex) {
    return URI.create(
        ex.status() == 304
            ? "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
            : "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest");
  }

  private void roll() throws IOException {
    if (channel != null) {
      channel.close();
    }
    Files.createDirectories(dir);
    do {
      file =
          dir.resolve(
              String.format(Locale.ROOT, "%s%s-%05d.warc.gz", PREFIX, runStamp, sequence++));
    } while (Files.exists(file));
    channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
  }

  private Warcinfo warcinfo(String filename) throws IOException {
    warcinfoId = newId();
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("software", List.of(software));
    fields.put("format", List.of("WARC File Format 1.1"));
    fields.put(
        "conformsTo",
        List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"));
    fields.put("robots", List.of("obey"));
    return new Warcinfo.Builder()
        .version(MessageVersion.WARC_1_1)
        .recordId(warcinfoId)
        .date(Instant.now())
        .filename(filename)
        .fields(fields)
        .build();
  }

  private static HttpRequest httpRequest(Exchange ex, URI target) {
    String path =
        target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    HttpRequest.Builder b = new HttpRequest.Builder("GET", path).version(MessageVersion.HTTP_1_1);
    b.addHeader(
        "Host",
        target.getPort() == -1 ? target.getHost() : target.getHost() + ":" + target.getPort());
    for (Map.Entry<String, String> h : ex.requestHeaders()) {
      b.addHeader(h.getKey(), h.getValue());
    }
    return b.build();
  }

  private static HttpResponse httpResponse(Exchange ex, boolean revisit) {
    HttpResponse.Builder b =
        new HttpResponse.Builder(ex.status(), reason(ex.status())).version(MessageVersion.HTTP_1_1);
    for (Map.Entry<String, String> h : ex.responseHeaders()) {
      if (!h.getKey().equalsIgnoreCase("Content-Type")
          && !h.getKey().equalsIgnoreCase("Content-Length")) {
        b.addHeader(h.getKey(), h.getValue());
      }
    }
    String type = ex.header("Content-Type").orElse(null);
    byte[] body = revisit ? new byte[0] : ex.body();
    if (type != null) {
      b.body(MediaType.parseLeniently(type), body);
    } else {
      b.setHeader("Content-Length", Integer.toString(body.length));
      b.body(null, body);
    }
    return b.build();
  }

  /** {@code sha1:BASE32} of {@code payload}, the WARC-Payload-Digest form. */
  static String payloadDigest(byte[] payload) {
    try {
      return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(payload))
          .prefixedBase32();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-1", e);
    }
  }

  /** The reason phrase for the status line; the JDK client does not pass the server's on. */
  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 203 -> "Non-Authoritative Information";
      case 204 -> "No Content";
      case 206 -> "Partial Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 303 -> "See Other";
      case 304 -> "Not Modified";
      case 307 -> "Temporary Redirect";
      case 308 -> "Permanent Redirect";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 410 -> "Gone";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "";
    };
  }

  private static URI newId() {
    return URI.create("urn:uuid:" + UUID.randomUUID());
  }

  /** The file being written, or null before the first record. */
  Path currentFile() {
    return file;
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }
}
