package org.sandiq.testing;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A corpus part whose values a crawler trap or a hostile page made runaway: a captured URL of
 * 44,000 characters, a record id of 50,000, a loose page whose canonical link names a host of
 * 40,000 characters. Each page holds {@link #WORD}; three documents in all.
 */
public final class RunawayKeys {
  public static final String WORD = "ferrycalendarword";

  /** The URL of the capture with the runaway record id. */
  public static final String PLAIN = "http://harbour.example/ok";

  private RunawayKeys() {}

  /**
   * Writes {@code crawl/trap.warc} and {@code saved/page.html} under {@code corpus}; the trap URL.
   */
  public static String write(Path corpus) throws IOException {
    String trap = "http://harbour.example/calendar?" + "month=next&".repeat(4_000);
    StringBuilder warc = new StringBuilder();
    for (String[] r :
        new String[][] {{trap, "<urn:uuid:1>"}, {PLAIN, "<urn:" + "x".repeat(50_000) + ">"}}) {
      // Texts apart, so the two are no copies of one page in the hit list.
      String page =
          "<html><title>Harbour calendar</title><p>The "
              + WORD
              + " page of the harbour,"
              + " with the sailing times of every month, "
              + r[0].length()
              + " characters of address.</p></html>";
      String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page;
      warc.append("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ")
          .append(r[0])
          .append("\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: ")
          .append(r[1])
          .append("\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ")
          .append(http.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
          .append("\r\n\r\n")
          .append(http)
          .append("\r\n\r\n");
    }
    Fixtures.write(corpus, "crawl/trap.warc", warc.toString());
    Fixtures.write(
        corpus,
        "saved/page.html",
        "<html><head><link rel=canonical href=\"http://"
            + "h".repeat(40_000)
            + ".example/\">"
            + "</head><body><p>A saved "
            + WORD
            + " page with a made-up canonical host, kept"
            + " as a loose file of the corpus.</p></body></html>");
    return trap;
  }
}
