package org.sandiq.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes an {@link OpenSearchCluster} parameter: one 3-node cluster per test JVM,
 * started by the first class that asks and stopped when the whole run ends (the root context's
 * store closes it), so the classes that need a cluster pay its start once.
 *
 * <p>The distribution and the plugin come from the build ({@code sandiq.opensearch.zip}, {@code
 * sandiq.plugin.zip}, set by failsafe in {@code ./mvnw verify}); a run without them (an IDE) skips.
 */
public final class SharedOpenSearch implements ParameterResolver {
  /** Nodes of the shared cluster: more than one, so shards and replicas really spread. */
  public static final int NODES = 3;

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedOpenSearch.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == OpenSearchCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Path distribution = file("sandiq.opensearch.zip");
    Path plugin = file("sandiq.plugin.zip");
    Started started =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent("cluster", key -> start(distribution, plugin), Started.class);
    if (started.failure() != null) {
      throw new ParameterResolutionException("no OpenSearch cluster", started.failure());
    }
    return started.cluster();
  }

  private static Path file(String property) {
    String value = System.getProperty(property);
    assumeTrue(
        value != null && Files.exists(Path.of(value)),
        "skipped: " + property + " not set or absent (./mvnw verify builds it): " + value);
    return Path.of(value);
  }

  private static Started start(Path distribution, Path plugin) {
    try {
      long begin = System.nanoTime();
      OpenSearchCluster cluster = OpenSearchCluster.start(distribution, plugin, NODES);
      System.out.printf(
          "OpenSearch: %d nodes green in %.1f s at %s%n",
          NODES, (System.nanoTime() - begin) / 1e9, cluster.uris());
      // Also on a JVM exit that skips the store's close (close is idempotent).
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
      return new Started(cluster, null);
    } catch (Exception e) {
      return new Started(null, e);
    }
  }

  /** The cluster, or why it did not start (remembered, so later classes do not retry). */
  private record Started(OpenSearchCluster cluster, Exception failure) implements AutoCloseable {
    @Override
    public void close() {
      if (cluster != null) {
        cluster.close();
      }
    }
  }
}
