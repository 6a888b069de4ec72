package org.sandiq.crawl;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A site on a random loopback port with two endless link generators beside real pages:
 *
 * <ul>
 *   <li>an event calendar, {@code /agenda?t=EPOCH&k=TOKEN}: each month links to the months and
 *       years around it and to its week, day and list views, every link with a new token (as sites
 *       that put a cache-buster or a view state in the query do), so no URL is ever seen twice and
 *       none looks like a date;
 *   <li>a diary, {@code /diary/pN?v=TOKEN}: each entry links to the next two, with new tokens, so
 *       the path changes as well as the query;
 * </ul>
 *
 * and the real content: {@value #NEWS} news pages {@code /news?id=N} linked from the front page,
 * and {@value #ARTICLES} articles linked from a listing paginated by query string ({@code
 * /articles/}, {@code /articles/?page=2} …, three to a page). Every request is logged.
 */
final class TrapSite implements AutoCloseable {
  static final int NEWS = 21;
  static final int ARTICLES = 9;
  static final int LISTING_PAGES = ARTICLES / 3;

  final List<String> log = new CopyOnWriteArrayList<>();
  private final AtomicInteger tokens = new AtomicInteger();
  private final Javalin app;
  final String base;

  TrapSite() {
    app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.routes.before(
                  ctx -> {
                    String q = ctx.queryString();
                    log.add(ctx.path() + (q == null ? "" : "?" + q));
                  });
              config.routes.get("/", this::home);
              config.routes.get("/agenda", this::agenda);
              config.routes.get("/diary/{entry}", this::diary);
              config.routes.get(
                  "/news",
                  ctx -> html(ctx, "<p>News item " + ctx.queryParam("id") + " of the day.</p>"));
              config.routes.get("/articles/", this::listing);
              config.routes.get(
                  "/articles/{slug}",
                  ctx -> html(ctx, "<p>Article " + ctx.pathParam("slug") + ", in full.</p>"));
            });
    app.start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
  }

  private void home(Context ctx) {
    StringBuilder links = new StringBuilder("<p>Front page</p>");
    links.append("<a href='/agenda?t=1704067200&k=").append(token()).append("'>Events</a>");
    links.append("<a href='/diary/p1?v=").append(token()).append("'>Diary</a>");
    links.append("<a href='/articles/'>Articles</a>");
    for (int id = 1; id <= NEWS; id++) {
      links.append("<a href='/news?id=").append(id).append("'>News ").append(id).append("</a>");
    }
    html(ctx, links.toString());
  }

  private void agenda(Context ctx) {
    long t = Long.parseLong(ctx.queryParam("t"));
    long month = 30L * 86400;
    StringBuilder links = new StringBuilder("<p>Events from " + t + "</p>");
    for (long other : new long[] {t - month, t + month, t - 12 * month, t + 12 * month}) {
      links.append("<a href='/agenda?t=").append(other).append("&k=").append(token()).append("'>");
      links.append(other).append("</a>");
    }
    for (String view : new String[] {"week", "day", "list"}) {
      links.append("<a href='/agenda?t=").append(t).append("&view=").append(view);
      links.append("&k=").append(token()).append("'>").append(view).append("</a>");
    }
    links.append("<a href='/articles/'>Articles</a>");
    html(ctx, links.toString());
  }

  private void diary(Context ctx) {
    int n = Integer.parseInt(ctx.pathParam("entry").substring(1));
    html(
        ctx,
        "<p>Diary entry "
            + n
            + "</p><a href='/diary/p"
            + (n + 1)
            + "?v="
            + token()
            + "'>next</a><a href='/diary/p"
            + (n + 2)
            + "?v="
            + token()
            + "'>after</a>");
  }

  private void listing(Context ctx) {
    String p = ctx.queryParam("page");
    int page = p == null ? 1 : Integer.parseInt(p);
    StringBuilder links = new StringBuilder("<p>Articles, page " + page + "</p>");
    for (int a = 3 * page - 2; a <= 3 * page; a++) {
      links.append("<a href='/articles/a").append(a).append("'>Article ").append(a).append("</a>");
    }
    if (page < LISTING_PAGES) {
      links.append("<a href='/articles/?page=").append(page + 1).append("'>older</a>");
    }
    html(ctx, links.toString());
  }

  /** A new token every time, of letters only (nothing in it reads as a date). */
  private String token() {
    int n = tokens.incrementAndGet();
    StringBuilder s = new StringBuilder();
    do {
      s.append((char) ('a' + n % 26));
      n /= 26;
    } while (n > 0);
    return s.toString();
  }

  private static void html(Context ctx, String body) {
    ctx.contentType("text/html; charset=utf-8")
        .result("<html><head><title>Trap site</title></head><body>" + body + "</body></html>");
  }

  long count(String prefix) {
    return log.stream().filter(t -> t.startsWith(prefix)).count();
  }

  @Override
  public void close() {
    app.stop();
  }
}
