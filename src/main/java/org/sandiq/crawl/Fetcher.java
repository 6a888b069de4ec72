package org.sandiq.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fetches one URL with the JDK's HTTP client: HTTP/1.1 (so the archived request is what was sent),
 * no redirects followed (the crawler records and queues them itself), no cookies and no
 * authenticator (it never sends credentials), no compression asked for. The body is read up to the
 * size limit and then cut; a response that does not finish within the timeout fails.
 */
final class Fetcher implements AutoCloseable {
  private final HttpClient client;
  private final ScheduledExecutorService watchdog;
  private final String userAgent;
  private final Duration timeout;
  private final long maxBytes;

  Fetcher(String userAgent, Duration timeout, long maxBytes) {
    this.userAgent = userAgent;
    this.timeout = timeout;
    this.maxBytes = maxBytes;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "crawl-fetch-watchdog");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * GETs {@code url} from {@code address} (already checked by the address policy), sending {@code
   * extraHeaders} (conditional GET validators) besides the user agent.
   *
   * @throws IOException on a network error or timeout
   */
  Exchange get(String url, InetAddress address, List<Map.Entry<String, String>> extraHeaders)
      throws IOException, InterruptedException {
    List<Map.Entry<String, String>> sent = new ArrayList<>();
    sent.add(Map.entry("User-Agent", userAgent));
    sent.add(Map.entry("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
    sent.addAll(extraHeaders);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
    for (Map.Entry<String, String> h : sent) {
      request.header(h.getKey(), h.getValue());
    }
    Instant date = Instant.now();
    HttpResponse<InputStream> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    byte[] body;
    boolean truncated;
    try (InputStream in = response.body()) {
      // The request timeout covers the headers only; the watchdog bounds reading the body.
      ScheduledFuture<?> alarm =
          watchdog.schedule(() -> closeQuietly(in), timeout.toMillis(), TimeUnit.MILLISECONDS);
      try {
        body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
        truncated = in.read() != -1;
      } finally {
        alarm.cancel(false);
      }
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (name.startsWith(":")
                  || name.equalsIgnoreCase("Transfer-Encoding")
                  || name.equalsIgnoreCase("Content-Length")) {
                return;
              }
              for (String value : values) {
                headers.add(Map.entry(name, value));
              }
            });
    headers.add(Map.entry("Content-Length", Long.toString(body.length)));
    return new Exchange(
        url, address, date, List.copyOf(sent), response.statusCode(), headers, body, truncated);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // Closing is how the read is interrupted; a failure to close changes nothing.
    }
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
    client.close();
  }
}
