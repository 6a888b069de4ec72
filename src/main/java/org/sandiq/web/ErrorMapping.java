package org.sandiq.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.sandiq.search.IndexUnavailableException;
import org.sandiq.search.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to a response, once for the whole application: bad input (an {@link
 * InvalidRequestException}) is a 400 with its message; a missing document or route a 404; any other
 * exception a 500 whose body says only that something went wrong, while the stack trace goes to the
 * log. API paths answer JSON, page paths a small HTML page.
 */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static void install(JavalinConfig config) {
    config.routes.exception(
        InvalidRequestException.class, (e, ctx) -> respond(ctx, 400, e.getMessage()));
    config.routes.exception(
        IndexUnavailableException.class,
        (e, ctx) -> {
          LOG.warn("{} {}: index unavailable: {}", ctx.method(), ctx.path(), e.getMessage());
          respond(ctx, 503, "the index is unavailable: " + e.getMessage());
        });
    config.routes.exception(
        HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), e.getMessage()));
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          respond(ctx, 500, "internal error: the request could not be answered");
        });
    config.routes.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            respond(ctx, 404, "not found: " + ctx.path());
          }
        });
  }

  static void respond(Context ctx, int status, String message) {
    ctx.status(status);
    if (ctx.path().startsWith("/api/")) {
      ctx.json(ErrorBody.of(status, message));
    } else {
      ctx.contentType("text/html; charset=utf-8").result(Pages.errorPage(status, message));
    }
  }
}
