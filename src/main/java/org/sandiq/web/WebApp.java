package org.sandiq.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.json.JavalinJackson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sandiq.search.InvalidRequestException;
import org.sandiq.search.SearchRequest;
import org.sandiq.search.SearchService;
import org.sandiq.search.StoredDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP application: routes, JSON and error mapping, built without being started.
 *
 * <ul>
 *   <li>{@code GET /api/search?q=&lang=&page=&size=}: a {@link org.sandiq.search.SearchResponse}
 *   <li>{@code GET /api/doc/{id}}: a {@link StoredDocument}, 404 when unknown
 *   <li>{@code GET /api/health}: {@code {"status":"ok","documents":N}}
 *   <li>{@code GET /}: the search page; {@code GET /doc/{id}}: the document view
 * </ul>
 */
public final class WebApp {
  private static final Logger ACCESS = LoggerFactory.getLogger("sandiq.access");

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

  private final SearchService search;

  private WebApp(SearchService search) {
    this.search = search;
  }

  /** Builds the application over {@code search}; start it with {@code start(host, port)}. */
  public static Javalin create(SearchService search) {
    WebApp app = new WebApp(search);
    ObjectMapper json = new ObjectMapper();
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.jsonMapper(new JavalinJackson(json, false));
          config.http.maxRequestSize = 64 * 1024;
          config.requestLogger.http(
              (ctx, ms) ->
                  ACCESS.info(
                      "{} {} {} {} ms",
                      ctx.method(),
                      ctx.path(),
                      ctx.statusCode(),
                      ms.longValue()));
          config.routes.before(ctx -> SECURITY_HEADERS.forEach(ctx::header));
          config.routes.get("/api/health", app::health);
          config.routes.get("/api/search", app::search);
          config.routes.get("/api/doc/{id}", app::document);
          config.routes.get("/", ctx -> html(ctx, "index.html"));
          config.routes.get("/doc/{id}", app::documentPage);
          config.routes.get("/static/{name}", WebApp::asset);
          ErrorMapping.install(config);
        });
  }

  private void health(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "ok");
    body.put("documents", search.documentCount());
    ctx.json(body);
  }

  private void search(Context ctx) {
    SearchRequest request =
        new SearchRequest(
            ctx.queryParam("q"),
            emptyToNull(ctx.queryParam("lang")),
            intParam(ctx, "page", 1),
            intParam(ctx, "size", SearchRequest.DEFAULT_SIZE));
    ctx.json(search.search(request));
  }

  private void document(Context ctx) {
    String id = ctx.pathParam("id");
    StoredDocument doc =
        search.document(id).orElseThrow(() -> new NotFoundResponse("no document with id " + id));
    ctx.json(doc);
  }

  private void documentPage(Context ctx) {
    String id = ctx.pathParam("id");
    if (search.document(id).isEmpty()) {
      throw new NotFoundResponse("no document with id " + id);
    }
    html(ctx, "doc.html");
  }

  private static void asset(Context ctx) {
    String name = ctx.pathParam("name");
    String type = Pages.ASSETS.get(name);
    if (type == null) {
      throw new NotFoundResponse("no such file: " + name);
    }
    ctx.contentType(type).header("Cache-Control", "no-cache").result(Pages.resource(name));
  }

  private static void html(Context ctx, String page) {
    ctx.contentType("text/html; charset=utf-8").result(Pages.resource(page));
  }

  private static int intParam(Context ctx, String name, int fallback) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(
          name + " must be a whole number, not '" + abbreviate(value) + "'");
    }
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
