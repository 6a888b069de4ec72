package bench.osfull;

import bench.client.Driver;
import bench.client.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The harness's query driver ({@code bench.client.Driver.protocol}: sanity pass, warm-up at c=2, c=1, c=8)
 * for "OpenSearch doing Sandiq's work". It differs from {@code bench.client.HttpMain query --target
 * opensearch} only in the request body: the body is the query template (query-template.json, compacted)
 * with its one {@code "{{query}}"} string replaced by the JSON-quoted query, exactly as wrk-full.lua does.
 *
 * <pre>
 *   QueryMain --url http://127.0.0.1:PORT/INDEX/_search --template T.json --queries Q.txt
 *             [--server-pid PID --clk-tck N] [--warmup N] [--c1 N] [--c8 N] --out F
 * </pre>
 *
 * Before the protocol, one request checks that the answer carries what the template asks for (the
 * three aggregations, highlights, collapsed hits), so a mapping or template mistake fails loudly
 * instead of measuring a cheaper query.
 */
public final class QueryMain {
  static final String SLOT = "\"{{query}}\"";
  /** hits.total = {"value":N,...}, as HttpMain reads OpenSearch's answers. */
  static final Pattern TOTAL_OBJ = Pattern.compile("\"total\"\\s*:\\s*\\{\\s*\"value\"\\s*:\\s*(\\d+)");

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("bad arg " + args[i]);
      o.put(args[i].substring(2), args[i + 1]);
    }
    String url = o.get("url");
    String host = URI.create(url).getHost();
    if (!(host.equals("127.0.0.1") || host.equals("localhost") || host.startsWith("127."))) {
      throw new IllegalArgumentException("refusing non-loopback target " + host);
    }
    String template = Files.readString(Path.of(o.get("template")), StandardCharsets.UTF_8).strip();
    if (template.indexOf(SLOT) < 0 || template.indexOf(SLOT) != template.lastIndexOf(SLOT)) {
      throw new IllegalArgumentException("the template must hold " + SLOT + " exactly once");
    }
    List<String> queries = Driver.readQueries(Path.of(o.get("queries")));
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    Map<String, HttpRequest> reqs = new HashMap<>();
    for (String q : queries) {
      String body = template.replace(SLOT, Json.quote(q));
      reqs.put(q, HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("target", "opensearch-full");
    out.put("url", url);
    out.put("preflight", preflight(http, queries, reqs));
    AtomicLong respBytes = new AtomicLong();
    AtomicLong respCount = new AtomicLong();
    Driver.QueryFn fn = qs -> {
      HttpResponse<String> resp = http.send(reqs.get(qs), HttpResponse.BodyHandlers.ofString());
      String b = resp.body();
      if (resp.statusCode() != 200) throw new IllegalStateException("HTTP " + resp.statusCode() + ": " + head(b));
      respBytes.addAndGet(b.length());
      respCount.incrementAndGet();
      Matcher m = TOTAL_OBJ.matcher(b);
      if (!m.find()) throw new IllegalStateException("no total in response: " + head(b));
      return Long.parseLong(m.group(1));
    };
    LongSupplier serverCpu = o.containsKey("server-pid")
        ? Driver.procCpuNanos(Long.parseLong(o.get("server-pid")), Long.parseLong(o.getOrDefault("clk-tck", "100")))
        : null;
    out.putAll(Driver.protocol("opensearch-full", queries,
        Integer.parseInt(o.getOrDefault("warmup", "1000")),
        Integer.parseInt(o.getOrDefault("c1", "2000")),
        Integer.parseInt(o.getOrDefault("c8", "4000")),
        fn, serverCpu, Driver::selfCpuNanos));
    out.put("avg_response_chars", respCount.get() == 0 ? 0 : respBytes.get() / respCount.get());
    String json = Json.write(out);
    if (o.containsKey("out")) Files.writeString(Path.of(o.get("out")), json + "\n");
    System.out.println(json);
  }

  /**
   * Untimed: the answer to the first query with hits must have every part the template asks for.
   */
  static Map<String, Object> preflight(HttpClient http, List<String> queries, Map<String, HttpRequest> reqs)
      throws Exception {
    String b = null, query = null;
    for (String q : queries) {
      HttpResponse<String> resp = http.send(reqs.get(q), HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() != 200) {
        throw new IllegalStateException("preflight: HTTP " + resp.statusCode() + ": " + head(resp.body()));
      }
      Matcher t = TOTAL_OBJ.matcher(resp.body());
      if (t.find() && Long.parseLong(t.group(1)) > 0) {
        b = resp.body();
        query = q;
        break;
      }
    }
    if (b == null) throw new IllegalStateException("preflight: no query has a hit");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("query", query);
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("aggregations", "\"aggregations\"");
    parts.put("lang_terms", "\"lang\":{");
    parts.put("site_terms", "\"site\":{");
    parts.put("year_histogram", "\"year\":{");
    parts.put("highlight", "\"highlight\"");
    parts.put("collapse_key", "\"fields\":{\"text_hash\"");
    for (Map.Entry<String, String> part : parts.entrySet()) {
      if (!b.contains(part.getValue())) {
        throw new IllegalStateException("preflight: no " + part.getValue() + " in the answer: " + head(b));
      }
      m.put(part.getKey(), true);
    }
    return m;
  }

  static String head(String s) {
    return s.length() > 400 ? s.substring(0, 400) : s;
  }

  private QueryMain() {}
}
