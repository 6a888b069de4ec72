package org.sandiq.crawl;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A small web site on a random loopback port, built to exercise the crawler: robots rules with a
 * group for the crawler's own name, a sitemap, redirects, 404 and 500 pages, a 429 with
 * Retry-After, a page slower than the crawler's timeout, an endless calendar, a large binary,
 * duplicate links that differ only in query order or fragment, nofollow links and a noindex page.
 * Every request it receives is logged with its time, so tests assert on what was asked. The chain
 * variant (a tree of pages under /chain/0) answers robots.txt with a redirect.
 */
public final class FixtureSite implements AutoCloseable {
  /** One request the site received: path with query, and when. */
  record Hit(String target, long millis, boolean credentials) {}

  public static final String CHAIN_WORD = "zirvəqala";

  final List<Hit> log = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
  private final Javalin app;
  public final String base;

  private FixtureSite(int chainPages, int chainPageBytes) {
    app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.routes.before(
                  ctx -> {
                    String q = ctx.queryString();
                    log.add(
                        new Hit(
                            ctx.path() + (q == null ? "" : "?" + q),
                            System.currentTimeMillis(),
                            ctx.header("Authorization") != null || ctx.header("Cookie") != null));
                  });
              if (chainPages > 0) {
                // The chain site has moved its robots.txt: crawlers must follow the redirect.
                config.routes.get(
                    "/robots.txt", ctx -> ctx.status(301).header("Location", "/robots-moved.txt"));
                config.routes.get("/robots-moved.txt", this::robots);
              } else {
                config.routes.get("/robots.txt", this::robots);
              }
              config.routes.get("/sitemap.xml", this::sitemap);
              config.routes.get(
                  "/",
                  ctx -> {
                    ctx.header("Set-Cookie", "session=abc123; Path=/");
                    html(ctx, "Home", home());
                  });
              config.routes.get("/creds", ctx -> html(ctx, "Creds", "<p>Ocelot</p>"));
              config.routes.get(
                  "/a",
                  ctx ->
                      html(
                          ctx,
                          "Qarabağ atları",
                          "<p>Qarabağ atı Azərbaycanın qədim cins atlarından biridir; Xankəndi"
                              + " yaxınlığında yetişdirilir.</p><a href=\"/a/../b?y=2&amp;x=1\">b</a>"));
              config.routes.get(
                  "/b", ctx -> html(ctx, "Page B", "<p>Marmalade lighthouse keeper notes.</p>"));
              config.routes.get("/redirect", ctx -> ctx.status(302).header("Location", "/target"));
              config.routes.get(
                  "/target", ctx -> html(ctx, "Target", "<p>Quokka redirect destination.</p>"));
              config.routes.get(
                  "/from-sitemap",
                  ctx -> html(ctx, "Sitemap only", "<p>Narwhal listed in the sitemap.</p>"));
              config.routes.get("/missing", ctx -> ctx.status(404).result("not here"));
              config.routes.get("/broken", ctx -> ctx.status(500).result("boom"));
              config.routes.get("/busy", this::busy);
              config.routes.get(
                  "/slow",
                  ctx -> {
                    Thread.sleep(2500);
                    html(ctx, "Slow", "<p>too late</p>");
                  });
              config.routes.get("/calendar", this::calendar);
              config.routes.get(
                  "/big.bin",
                  ctx -> ctx.contentType("application/octet-stream").result(new byte[3 << 20]));
              config.routes.get(
                  "/noindex",
                  ctx ->
                      ctx.contentType("text/html; charset=utf-8")
                          .result(
                              "<html><head><meta name=robots content=\"noindex,nofollow\">"
                                  + "<title>hidden</title></head><body>Pangolin secret"
                                  + " <a href=\"/behind-noindex\">x</a></body></html>"));
              config.routes.get("/private/{name}", ctx -> html(ctx, "Private", "<p>no</p>"));
              config.routes.get("/nofollowed", ctx -> html(ctx, "No", "<p>no</p>"));
              config.routes.get("/behind-noindex", ctx -> html(ctx, "No", "<p>no</p>"));
              config.routes.get(
                  "/chain/{n}",
                  ctx -> {
                    int n = Integer.parseInt(ctx.pathParam("n"));
                    String etag = "\"v1-" + n + "\"";
                    ctx.header("ETag", etag);
                    if (etag.equals(ctx.header("If-None-Match"))) {
                      ctx.status(304);
                      return;
                    }
                    StringBuilder body = new StringBuilder("<p>" + CHAIN_WORD + " page " + n);
                    body.append(" lorem ipsum".repeat(Math.max(0, chainPageBytes / 12)));
                    body.append("</p>");
                    for (int k = 1; k <= 3; k++) {
                      if (n * 3 + k <= chainPages) {
                        body.append("<a href=\"/chain/").append(n * 3 + k).append("\">next</a>");
                      }
                    }
                    html(ctx, "Chain " + n, body.toString());
                  });
            });
    app.start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
  }

  /** The full site. */
  static FixtureSite start() {
    return new FixtureSite(0, 0);
  }

  /** A site with a tree of {@code pages} pages under /chain/0, each about {@code bytes} long. */
  public static FixtureSite chain(int pages, int bytes) {
    return new FixtureSite(pages, bytes);
  }

  private String home() {
    return "<p>Welcome</p>"
        + "<a href=\"/a\">a</a>"
        + "<a href=\"/b?y=2&amp;x=1\">b1</a>"
        + "<a href=\"/b?x=1&amp;y=2#part\">b2</a>"
        + "<a href=\"HTTP://127.0.0.1:"
        + app.port()
        + "/b?x=1&amp;y=2\">b3</a>"
        + "<a href=\"/private/one\">private</a>"
        + "<a href=\"/redirect\">redirect</a>"
        + "<a href=\"/missing\">missing</a>"
        + "<a href=\"/broken\">broken</a>"
        + "<a href=\"/busy\">busy</a>"
        + "<a href=\"/slow\">slow</a>"
        + "<a href=\"/calendar?month=2024-01\">calendar</a>"
        + "<a href=\"/big.bin\">big</a>"
        + "<a href=\"/noindex\">noindex</a>"
        + "<a href=\"/nofollowed\" rel=\"nofollow\">nofollow</a>"
        + "<a href=\"http://user:secret@127.0.0.1:"
        + app.port()
        + "/creds\">creds</a>"
        + "<a href=\"mailto:someone@example.org\">mail</a>"
        + "<a href=\"javascript:void(0)\">js</a>";
  }

  private void robots(Context ctx) {
    ctx.contentType("text/plain")
        .result(
            "User-agent: *\nDisallow: /\n\n"
                + "User-agent: SandiqBot\nDisallow: /private/\nAllow: /\n\n"
                + "Sitemap: "
                + base
                + "/sitemap.xml\n");
  }

  private void sitemap(Context ctx) {
    ctx.contentType("application/xml")
        .result(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>"
                + base
                + "/from-sitemap</loc></url></urlset>");
  }

  private void busy(Context ctx) {
    if (counters.computeIfAbsent("busy", k -> new AtomicInteger()).incrementAndGet() == 1) {
      ctx.status(429).header("Retry-After", "1").result("slow down");
    } else {
      html(ctx, "Busy", "<p>Axolotl served after waiting.</p>");
    }
  }

  private void calendar(Context ctx) {
    String month = ctx.queryParam("month");
    int year = Integer.parseInt(month.substring(0, 4));
    int m = Integer.parseInt(month.substring(5));
    int ny = m == 12 ? year + 1 : year;
    int nm = m == 12 ? 1 : m + 1;
    html(
        ctx,
        "Calendar " + month,
        String.format("<p>%s</p><a href=\"/calendar?month=%04d-%02d\">next</a>", month, ny, nm));
  }

  private static void html(Context ctx, String title, String body) {
    ctx.contentType("text/html; charset=utf-8")
        .result("<html><head><title>" + title + "</title></head><body>" + body + "</body></html>");
  }

  /** How many times each target was requested. */
  Map<String, Long> counts() {
    return log.stream().collect(Collectors.groupingBy(Hit::target, Collectors.counting()));
  }

  public long count(String target) {
    return counts().getOrDefault(target, 0L);
  }

  @Override
  public void close() {
    app.stop();
  }
}
