package org.sandiq.crawl;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The crawl's memory: URLs queued per host, the seen-set, robots.txt per host, the validators of
 * archived pages (for conditional GET and revisits) and how far each WARC file is known complete.
 * Everything is kept in an append-only journal ({@value #FILE} in the output folder), one
 * tab-separated line per event, replayed on open; the lines of one step are appended with one
 * write, so a kill loses at most a torn last line, which replay drops. The journal is locked while
 * open: two crawls never share a folder.
 *
 * <p>Lines: {@code Q depth hops kind url} queued; {@code D url outcome} done; {@code H host status
 * base64} robots.txt; {@code V url id date digest etag lastmod depth} a stored capture; {@code W
 * file length} a WARC file complete up to length; {@code P n} a new pass (recrawl) begins.
 */
final class Frontier implements AutoCloseable {
  static final String FILE = ".sandiq-crawl.journal";

  /** A URL waiting to be fetched. */
  record Entry(String url, int depth, int hops, Kind kind, int attempt) {
    Entry retried() {
      return new Entry(url, depth, hops, kind, attempt + 1);
    }
  }

  enum Kind {
    PAGE,
    SITEMAP
  }

  /** A page's last capture: what a revisit refers to and what a conditional GET sends. */
  record Capture(WarcArchive.Original original, String etag, String lastModified, int depth) {}

  /** robots.txt of a host as fetched: the HTTP status (0: unreachable) and the body. */
  record Robots(int status, byte[] body) {}

  private final FileChannel journal;
  private final Map<String, ArrayDeque<Entry>> queues = new LinkedHashMap<>();
  private final Set<String> seen = new HashSet<>();
  private final Map<String, Capture> captures = new HashMap<>();
  private final Map<String, Robots> robots = new HashMap<>();
  private final Map<String, Long> complete = new LinkedHashMap<>();
  private final Map<String, Integer> fetchedPerHost = new HashMap<>();
  private int fetchedInPass;
  private int pass;
  private int queued;

  private Frontier(FileChannel journal) {
    this.journal = journal;
  }

  /** Opens (and replays) the journal in {@code dir}, creating it when there is none. */
  static Frontier open(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path path = dir.resolve(FILE);
    FileChannel channel =
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    java.nio.channels.FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null; // held by this very JVM
    }
    if (lock == null) {
      channel.close();
      throw new IOException("another crawl is running in " + dir + " (its journal is locked)");
    }
    Frontier frontier = new Frontier(channel);
    // Read through the locked channel: closing any other descriptor of the file would drop the
    // process's POSIX lock on it.
    ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(channel.size()));
    while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
      // read until full
    }
    byte[] bytes = all.array();
    int end = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        frontier.apply(new String(bytes, end, i - end, StandardCharsets.UTF_8));
        end = i + 1;
      }
    }
    channel.truncate(end); // a torn last line, from a kill mid-write
    channel.position(end);
    return frontier;
  }

  /** The lines of one step, applied and appended together. */
  final class Step {
    private final StringBuilder lines = new StringBuilder();

    Step queue(Entry e) {
      return line("Q", e.depth(), e.hops(), e.kind(), e.url());
    }

    Step done(String url, String outcome) {
      return line("D", url, outcome);
    }

    Step robots(String host, Robots r) {
      return line("H", host, r.status(), Base64.getEncoder().encodeToString(r.body()));
    }

    Step capture(String url, Capture c) {
      WarcArchive.Original o = c.original();
      return line(
          "V",
          url,
          o.recordId(),
          o.date(),
          o.payloadDigest(),
          orDash(c.etag()),
          orDash(c.lastModified()),
          c.depth());
    }

    Step complete(String file, long length) {
      return line("W", file, length);
    }

    Step newPass() {
      return line("P", pass + 1);
    }

    private Step line(Object... fields) {
      StringBuilder line = new StringBuilder();
      for (Object f : fields) {
        if (!line.isEmpty()) {
          line.append('\t');
        }
        line.append(String.valueOf(f).replace('\t', ' ').replace('\n', ' '));
      }
      lines.append(line).append('\n');
      return this;
    }

    /** Applies the lines to memory and appends them to the journal in one write. */
    void commit() throws IOException {
      if (lines.isEmpty()) {
        return;
      }
      for (String line : lines.toString().split("\n")) {
        apply(line);
      }
      ByteBuffer buffer = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        journal.write(buffer);
      }
      lines.setLength(0);
    }
  }

  Step step() {
    return new Step();
  }

  private static String orDash(String s) {
    return s == null || s.isEmpty() ? "-" : s;
  }

  private static String dashToNull(String s) {
    return s.equals("-") ? null : s;
  }

  private void apply(String line) {
    String[] f = line.split("\t", -1);
    switch (f[0]) {
      case "Q" -> {
        Entry e =
            new Entry(f[4], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Kind.valueOf(f[3]), 0);
        if (seen.add(e.url())) {
          queues.computeIfAbsent(hostKey(e.url()), k -> new ArrayDeque<>()).add(e);
          queued++;
        }
      }
      case "D" -> {
        ArrayDeque<Entry> q = queues.get(hostKey(f[1]));
        if (q != null && q.removeIf(e -> e.url().equals(f[1]))) {
          queued--;
        }
        if (f[2].equals("fetched")) {
          fetchedPerHost.merge(hostKey(f[1]), 1, Integer::sum);
          fetchedInPass++;
        }
      }
      case "H" ->
          robots.put(f[1], new Robots(Integer.parseInt(f[2]), Base64.getDecoder().decode(f[3])));
      case "V" ->
          captures.put(
              f[1],
              new Capture(
                  new WarcArchive.Original(URI.create(f[2]), f[1], Instant.parse(f[3]), f[4]),
                  dashToNull(f[5]),
                  dashToNull(f[6]),
                  Integer.parseInt(f[7])));
      case "W" -> complete.put(f[1], Long.parseLong(f[2]));
      case "P" -> {
        pass = Integer.parseInt(f[1]);
        queues.clear();
        seen.clear();
        robots.clear();
        fetchedPerHost.clear();
        fetchedInPass = 0;
        queued = 0;
      }
      default -> {
        // An unknown line from a newer version: skipping it loses nothing it needs.
      }
    }
  }

  /** {@code scheme://host:port} of a canonical URL: the unit of politeness and robots.txt. */
  static String hostKey(String url) {
    URI uri = URI.create(url);
    int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
    return uri.getScheme() + "://" + uri.getHost() + ":" + port;
  }

  boolean seen(String url) {
    return seen.contains(url);
  }

  int queued() {
    return queued;
  }

  /** Hosts with URLs waiting, in the order they were first seen. */
  List<String> hosts() {
    List<String> hosts = new ArrayList<>();
    queues.forEach(
        (host, q) -> {
          if (!q.isEmpty()) {
            hosts.add(host);
          }
        });
    return hosts;
  }

  /** The next URL of {@code host}, not removed (a {@code D} line removes it). */
  Entry peek(String host) {
    ArrayDeque<Entry> q = queues.get(host);
    return q == null ? null : q.peek();
  }

  /** Puts {@code e} back at the end of its host's queue, for a retry (memory only). */
  void requeue(Entry old, Entry e) {
    ArrayDeque<Entry> q = queues.get(hostKey(e.url()));
    q.remove(old);
    q.addLast(e);
  }

  /** The entry queued for {@code url}, or null. */
  Entry entry(String url) {
    ArrayDeque<Entry> q = queues.get(hostKey(url));
    if (q != null) {
      for (Entry e : q) {
        if (e.url().equals(url)) {
          return e;
        }
      }
    }
    return null;
  }

  /** Every page captured so far, for a recrawl. */
  Map<String, Capture> captures() {
    return Map.copyOf(captures);
  }

  Capture capture(String url) {
    return captures.get(url);
  }

  Robots robots(String host) {
    return robots.get(host);
  }

  Map<String, Long> completeFiles() {
    return Map.copyOf(complete);
  }

  int fetchedFrom(String host) {
    return fetchedPerHost.getOrDefault(host, 0);
  }

  int fetchedInPass() {
    return fetchedInPass;
  }

  /** Whether this journal has recorded anything of a crawl. */
  boolean started() {
    return !seen.isEmpty() || pass > 0;
  }

  @Override
  public void close() throws IOException {
    journal.close();
  }
}
