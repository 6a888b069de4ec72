package org.sandiq.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * A connection to an OpenSearch cluster: {@code opensearch-java} over the Apache HttpClient 5
 * transport, spreading requests over the given nodes. Typed calls ({@link #client()}, bulk loads)
 * and plain JSON calls ({@link #json}) for the index administration, whose bodies read best as the
 * JSON the OpenSearch documentation shows.
 */
public final class ClusterClient implements Closeable {
  private final OpenSearchTransport transport;
  private final OpenSearchClient client;
  private final ObjectMapper json = new ObjectMapper();

  private ClusterClient(OpenSearchTransport transport) {
    this.transport = transport;
    this.client = new OpenSearchClient(transport);
  }

  /**
   * Connects to the nodes at {@code urls} ({@code http://host:port}) and checks that the cluster
   * answers.
   *
   * @throws IOException when no node answers, with the addresses tried
   */
  public static ClusterClient connect(List<URI> urls) throws IOException {
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("no OpenSearch address");
    }
    HttpHost[] hosts = new HttpHost[urls.size()];
    for (int i = 0; i < hosts.length; i++) {
      URI url = urls.get(i);
      int port = url.getPort() > 0 ? url.getPort() : 9200;
      hosts[i] =
          new HttpHost(url.getScheme() == null ? "http" : url.getScheme(), url.getHost(), port);
    }
    ClusterClient cluster =
        new ClusterClient(
            ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper())
                // Index creation and alias switches wait for the cluster state; on a busy cluster
                // that outlasts the default 30 s, and a timed-out request is retried on another
                // node, where it finds its own work done.
                .setRequestConfigCallback(config -> config.setResponseTimeout(Timeout.ofMinutes(3)))
                .build());
    try {
      cluster.json("GET", "/", null);
    } catch (IOException e) {
      cluster.close();
      throw new IOException("OpenSearch at " + urls + " does not answer: " + e.getMessage(), e);
    }
    return cluster;
  }

  /** The typed client. */
  public OpenSearchClient client() {
    return client;
  }

  /**
   * One request with a JSON body (or none); the answer's JSON.
   *
   * @throws IOException when the cluster cannot be reached or answers with an error (its status and
   *     reason in the message)
   */
  public JsonNode json(String method, String path, Object body) throws IOException {
    Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(path);
    if (body != null) {
      request.json(body instanceof String s ? s : json.writeValueAsString(body));
    }
    try (Response response = client.generic().execute(request.build())) {
      String text = response.getBody().map(Body::bodyAsString).orElse("");
      if (response.getStatus() >= 300) {
        throw new ClusterException(
            response.getStatus(),
            method + " " + path + ": " + response.getStatus() + " " + abbreviate(text));
      }
      return text.isEmpty() ? json.createObjectNode() : json.readTree(text);
    }
  }

  /** The cluster answered a request with an error status. */
  public static final class ClusterException extends IOException {
    private final int status;

    ClusterException(int status, String message) {
      super(message);
      this.status = status;
    }

    /** The HTTP status OpenSearch answered with. */
    public int status() {
      return status;
    }
  }

  /** Whether {@code path} exists (HEAD answered 200). */
  public boolean exists(String path) throws IOException {
    try (Response response =
        client.generic().execute(Requests.builder().method("HEAD").endpoint(path).build())) {
      return response.getStatus() == 200;
    }
  }

  /** The JSON mapper the administration bodies are built with. */
  ObjectMapper mapper() {
    return json;
  }

  private static String abbreviate(String text) {
    return text.length() <= 600 ? text : text.substring(0, 600) + "…";
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
