package org.sandiq.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.json.JavalinJackson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sandiq.search.SearchResponse;
import org.sandiq.search.SearchService;
import org.sandiq.search.StoredDocument;

/**
 * The HTTP application: routes, JSON and error mapping, built without being started.
 *
 * <ul>
 *   <li>{@code GET /api/search}: a {@link SearchResponse} (see README for the parameters)
 *   <li>{@code GET /api/facets}: the facet counts of the same parameters' matches
 *   <li>{@code GET /api/export?q=&format=csv|jsonl|warc}: every match, streamed
 *   <li>{@code GET /timemap/link/{url}}: the captures of a URL as a Memento TimeMap
 *   <li>{@code GET /api/suggest?q=}: completions for the search box
 *   <li>{@code GET /api/doc/{id}}, {@code /similar}, {@code /raw}: a {@link StoredDocument},
 *       documents like it, the archived bytes it came from; 404 when unknown
 *   <li>{@code GET /api/health}, {@code /api/openapi.json}, {@code /metrics}
 *   <li>{@code GET /}: the search page; {@code /doc/{id}}: the document view; {@code /help}
 * </ul>
 */
public final class WebApp {
  /** Security headers on every response: no inline script, no framing, no sniffing. */
  static final Map<String, String> SECURITY_HEADERS =
      Map.of(
          "Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
              + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
          "X-Content-Type-Options",
          "nosniff",
          "Referrer-Policy",
          "no-referrer",
          "X-Frame-Options",
          "DENY");

  /** Completions returned by {@code /api/suggest}. */
  static final int SUGGESTIONS = 8;

  /** Similar documents returned by {@code /api/doc/{id}/similar}. */
  static final int SIMILAR = 10;

  private final SearchService search;
  private final RawSources rawSources;
  private final AdminAccess adminAccess;
  private final WebOptions.AdminActions admin;
  private final WebOptions options;

  private WebApp(SearchService search, WebOptions options) {
    this.search = search;
    this.options = options;
    this.rawSources = options.rawSources();
    this.adminAccess = new AdminAccess(options.adminToken());
    this.admin = options.admin();
  }

  /** Builds the application over {@code search}, without raw-source downloads. */
  public static Javalin create(SearchService search) {
    return create(search, WebOptions.of(RawSources.NONE));
  }

  /** Builds the application with raw-source downloads and nothing else. */
  public static Javalin create(SearchService search, RawSources rawSources) {
    return create(search, WebOptions.of(rawSources));
  }

  /** Builds the application; start it with {@code start(host, port)}. */
  public static Javalin create(SearchService search, WebOptions options) {
    WebApp app = new WebApp(search, options);
    Observability observability = new Observability(search);
    ObjectMapper json = new ObjectMapper();
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.jsonMapper(new JavalinJackson(json, false));
          config.http.maxRequestSize = 64 * 1024;
          // Long query strings reach the application, which answers them with a 400 that says
          // what the limit is; only beyond 64 KB does Jetty refuse the request itself.
          config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(64 * 1024));
          ContainerErrors containerErrors = new ContainerErrors(json);
          config.jetty.modifyServer(server -> server.setErrorHandler(containerErrors));
          config.jetty.modifyServletContextHandler(
              context -> context.setErrorHandler(containerErrors));
          config.routes.before(ctx -> SECURITY_HEADERS.forEach(ctx::header));
          config.routes.before(RequestParams::checkQueryString);
          config.routes.before(ctx -> cors(ctx, options));
          observability.install(config);
          config.routes.get("/api/health", app::health);
          config.routes.get("/api/search", app::search);
          config.routes.get("/api/facets", app::facets);
          config.routes.get("/api/suggest", app::suggest);
          config.routes.get("/api/export", app::export);
          config.routes.get("/timemap/link/<url>", app::timemap);
          config.routes.get("/api/doc/{id}", app::document);
          config.routes.get("/api/doc/{id}/similar", app::similar);
          config.routes.get("/api/doc/{id}/raw", app::raw);
          config.routes.get("/api/openapi.json", ctx -> asset(ctx, "openapi.json"));
          config.routes.post("/api/reindex", app::reindex);
          config.routes.get("/", ctx -> html(ctx, "index.html"));
          config.routes.get("/help", ctx -> html(ctx, "help.html"));
          config.routes.get("/doc/{id}", app::documentPage);
          config.routes.get("/static/{name}", ctx -> asset(ctx, ctx.pathParam("name")));
          ErrorMapping.install(config);
        });
  }

  private void reindex(Context ctx) {
    adminAccess.check(ctx);
    if (!admin.startReindex()) {
      throw new ConflictResponse("a reindex is already running");
    }
    ctx.status(202).json(Map.of("status", "started"));
  }

  /** CORS is off unless origins are configured; then only those origins may read the API. */
  private static void cors(Context ctx, WebOptions options) {
    String origin = ctx.header("Origin");
    if (origin != null && options.corsOrigins().contains(origin)) {
      ctx.header("Access-Control-Allow-Origin", origin);
      ctx.header("Vary", "Origin");
    }
  }

  private void health(Context ctx) {
    org.sandiq.search.IndexHealth health = search.health();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", health.status());
    body.put("backend", search.backend());
    if (health.detail() != null) {
      body.put("detail", health.detail());
    }
    if (health.searchable()) {
      body.put("documents", search.documentCount());
    }
    // A load balancer takes a 503 as "send traffic elsewhere".
    ctx.status(health.searchable() ? 200 : 503).json(body);
  }

  private void search(Context ctx) {
    ctx.json(search.search(RequestParams.searchRequest(ctx)));
  }

  private void facets(Context ctx) {
    ctx.json(search.facets(RequestParams.searchRequest(ctx)));
  }

  /**
   * Streams every match: the limit is checked (a 400) before the first byte; then the body goes out
   * as the index is read, never held whole.
   */
  private void export(Context ctx) throws java.io.IOException {
    Exports.Format format =
        Exports.Format.parse(
            RequestParams.text(ctx, "format") == null
                ? "jsonl"
                : RequestParams.text(ctx, "format"));
    org.sandiq.search.SearchRequest request = RequestParams.searchRequest(ctx);
    ctx.contentType(format.mediaType());
    ctx.header(
        "Content-Disposition", "attachment; filename=\"sandiq-export." + format.extension() + "\"");
    Exports.write(
        search, request, format, options.maxExport(), options.archive(), ctx.outputStream());
  }

  /** The captures of a URL as a Memento TimeMap (RFC 7089, section 5.1, link format). */
  private void timemap(Context ctx) {
    String target = ctx.pathParam("url");
    if (ctx.queryString() != null && !ctx.queryString().isEmpty()) {
      target = target + "?" + ctx.queryString(); // the URL's own query string
    }
    if (target.length() > RequestParams.MAX_PARAM_CHARS) {
      throw new org.sandiq.search.InvalidRequestException("the URL is too long");
    }
    List<StoredDocument.Related> captures = search.captures(target, TimeMaps.MAX_MEMENTOS);
    if (captures.isEmpty()) {
      throw new NotFoundResponse("no captures of " + RequestParams.abbreviate(target));
    }
    String base = ctx.scheme() + "://" + ctx.host();
    ctx.contentType(TimeMaps.MEDIA_TYPE).result(TimeMaps.linkFormat(base, target, captures));
  }

  private void suggest(Context ctx) {
    String q = RequestParams.text(ctx, "q");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", q == null ? "" : q);
    body.put("suggestions", q == null ? List.of() : search.complete(q, SUGGESTIONS));
    ctx.json(body);
  }

  private void document(Context ctx) {
    ctx.json(stored(ctx.pathParam("id")));
  }

  private void similar(Context ctx) {
    String id = ctx.pathParam("id");
    List<SearchResponse.Hit> hits = search.similar(id, SIMILAR).orElseThrow(() -> notFound(id));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("hits", hits);
    ctx.json(body);
  }

  private void raw(Context ctx) {
    StoredDocument doc = stored(ctx.pathParam("id"));
    byte[] bytes =
        rawSources
            .read(doc.source())
            .orElseThrow(() -> new NotFoundResponse("the raw source of " + doc.id() + " is gone"));
    // Shown as text, never rendered: archived pages are hostile input.
    ctx.contentType("text/plain").result(bytes);
  }

  private StoredDocument stored(String id) {
    return search.document(id).orElseThrow(() -> notFound(id));
  }

  private void documentPage(Context ctx) {
    stored(ctx.pathParam("id"));
    html(ctx, "doc.html");
  }

  private static NotFoundResponse notFound(String id) {
    return new NotFoundResponse("no document with id " + RequestParams.abbreviate(id));
  }

  private static void asset(Context ctx, String name) {
    String type = Pages.ASSETS.get(name);
    if (type == null) {
      throw new NotFoundResponse("no such file: " + RequestParams.abbreviate(name));
    }
    ctx.contentType(type).header("Cache-Control", "no-cache").result(Pages.resource(name));
  }

  private static void html(Context ctx, String page) {
    ctx.contentType("text/html; charset=utf-8").result(Pages.resource(page));
  }
}
