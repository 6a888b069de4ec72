package org.sandiq.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.sandiq.search.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request ids, the access log and metrics. Every request gets an id (the client's {@code
 * X-Request-Id} when it is sane, else a new one), echoed in the response and in one access-log
 * line; request counts and latencies per route, the document count and the index size are exposed
 * in Prometheus text at {@code /metrics} (Micrometer).
 */
final class Observability {
  static final String REQUEST_ID = "X-Request-Id";
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Logger ACCESS = LoggerFactory.getLogger("sandiq.access");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  Observability(SearchService search) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    Gauge.builder("sandiq.documents", search, s -> (double) s.documentCount())
        .description("documents searchable now")
        .register(registry);
    Gauge.builder("sandiq.index.size", search, s -> (double) s.indexSizeBytes())
        .baseUnit("bytes")
        .description("bytes the index takes on disk")
        .register(registry);
  }

  void install(JavalinConfig config) {
    config.routes.before(
        ctx -> {
          String given = ctx.header(REQUEST_ID);
          String id = given != null && SANE_ID.matcher(given).matches() ? given : newId();
          ctx.attribute(REQUEST_ID, id);
          ctx.header(REQUEST_ID, id);
        });
    config.requestLogger.http(
        (ctx, ms) -> {
          String route = route(ctx);
          Timer.builder("http.server.requests")
              .tag("method", ctx.method().name())
              .tag("route", route)
              .tag("status", Integer.toString(ctx.statusCode()))
              .register(registry)
              .record((long) (ms.doubleValue() * 1000), TimeUnit.MICROSECONDS);
          ACCESS.info(
              "{} {} {} {} {} ms",
              (Object) ctx.attribute(REQUEST_ID),
              ctx.method(),
              ctx.path(),
              ctx.statusCode(),
              String.format(java.util.Locale.ROOT, "%.1f", ms.doubleValue()));
        });
    config.routes.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
  }

  /**
   * A new request id: 16 random hex digits. Not {@code UUID.randomUUID()}, whose shared {@code
   * SecureRandom} every request thread queued on; the id only needs to be unique in a log.
   */
  private static String newId() {
    return java.util.HexFormat.of()
        .toHexDigits(java.util.concurrent.ThreadLocalRandom.current().nextLong());
  }

  /** The route template ({@code /api/doc/{id}}), so metrics do not grow a series per id. */
  private static String route(Context ctx) {
    try {
      return ctx.endpoint().path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }
}
