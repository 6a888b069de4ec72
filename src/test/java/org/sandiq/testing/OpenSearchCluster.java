package org.sandiq.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real OpenSearch cluster on loopback for the tests: the integ-test distribution (resolved by
 * Maven into {@code ~/.m2}, path in {@code sandiq.opensearch.zip}) unpacked once, Sandiq's analysis
 * plugin ({@code sandiq.plugin.zip}) installed with {@code bin/opensearch-plugin install --batch},
 * then one config folder per node (random free ports, never 9200/9300; 512 MB heap) and one process
 * per node. OpenSearch refuses to run as root, so under root (CI) the nodes run as the system user
 * {@value #SYSTEM_USER}, created if absent. {@link #close()} stops every node by its PID.
 */
public final class OpenSearchCluster implements AutoCloseable {
  /** The unprivileged user the nodes run as when the tests run as root. */
  public static final String SYSTEM_USER = "sandiq-os";

  // 3 nodes on 2 shared cores took over 5 minutes to load their modules while another build ran.
  private static final Duration START_TIMEOUT = Duration.ofMinutes(8);

  private final Path root;
  private final Path home;
  private final String javaHome;
  private final boolean asSystemUser;
  private final List<Node> nodes;
  private final HttpClient http = HttpClient.newHttpClient();

  /** One node: its ports, its folder (config, data, logs) and its process. */
  public record Node(String name, int httpPort, int transportPort, Path folder, Process process) {
    /** The node's HTTP address. */
    public URI uri() {
      return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** The PID OpenSearch wrote at start, else the launched process's (the script execs java). */
    long pid() {
      try {
        Path file = folder.resolve("opensearch.pid");
        if (Files.exists(file)) {
          return Long.parseLong(Files.readString(file).strip());
        }
      } catch (IOException | NumberFormatException e) {
        // fall through to the launched process
      }
      return process.pid();
    }
  }

  private OpenSearchCluster(
      Path root, Path home, String javaHome, boolean asSystemUser, List<Node> nodes) {
    this.root = root;
    this.home = home;
    this.javaHome = javaHome;
    this.asSystemUser = asSystemUser;
    this.nodes = nodes;
  }

  /**
   * Unpacks the distribution, installs the plugin, starts {@code size} nodes and waits until the
   * cluster is green with all of them.
   */
  public static OpenSearchCluster start(Path distribution, Path plugin, int size)
      throws IOException, InterruptedException {
    long begin = System.nanoTime();
    Path root = Files.createTempDirectory("sandiq-opensearch-");
    Path home = unpack(distribution, root.resolve("install"));
    String javaHome = System.getProperty("java.home");
    run(
        List.of(
            home.resolve("bin/opensearch-plugin").toString(),
            "install",
            "--batch",
            plugin.toUri().toString()),
        Map.of("OPENSEARCH_JAVA_HOME", javaHome, "JAVA_HOME", javaHome),
        root,
        Duration.ofMinutes(3));
    System.out.printf(
        "OpenSearch: unpacked and plugin installed in %.1f s%n", (System.nanoTime() - begin) / 1e9);

    List<int[]> ports = new ArrayList<>();
    Set<Integer> taken = new HashSet<>();
    for (int i = 0; i < size; i++) {
      ports.add(new int[] {freePort(taken), freePort(taken)});
    }
    String seeds =
        ports.stream().map(p -> "\"127.0.0.1:" + p[1] + "\"").collect(Collectors.joining(", "));
    String managers =
        Stream.iterate(0, i -> i + 1)
            .limit(size)
            .map(i -> "node-" + i)
            .collect(Collectors.joining(", "));
    String clusterName = "sandiq-test-" + ProcessHandle.current().pid();
    List<Path> folders = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Path folder = root.resolve("node-" + i);
      Path config = folder.resolve("config");
      copyTree(home.resolve("config"), config);
      Files.createDirectories(config.resolve("jvm.options.d"));
      // jvm.options.d comes after jvm.options (-Xms1g -Xmx1g), so this heap wins.
      Files.writeString(config.resolve("jvm.options.d/heap.options"), "-Xms512m\n-Xmx512m\n");
      Files.writeString(
          config.resolve("opensearch.yml"),
          String.join(
              "\n",
              "cluster.name: " + clusterName,
              "node.name: node-" + i,
              "path.data: " + folder.resolve("data"),
              "path.logs: " + folder.resolve("logs"),
              "network.host: 127.0.0.1",
              "http.port: " + ports.get(i)[0],
              "transport.port: " + ports.get(i)[1],
              "discovery.seed_hosts: [" + seeds + "]",
              "cluster.initial_cluster_manager_nodes: [" + managers + "]",
              // Loopback test nodes on a shared disk: never refuse shards for disk watermarks.
              "cluster.routing.allocation.disk.threshold_enabled: false",
              "action.auto_create_index: false",
              ""));
      folders.add(folder);
    }
    boolean root_ = isRoot();
    if (root_) {
      ensureSystemUser();
      run(List.of("chown", "-R", SYSTEM_USER + ":", root.toString()), Map.of(), root, null);
    }

    List<Node> nodes = new ArrayList<>();
    OpenSearchCluster cluster = new OpenSearchCluster(root, home, javaHome, root_, nodes);
    try {
      for (int i = 0; i < size; i++) {
        nodes.add(
            new Node(
                "node-" + i,
                ports.get(i)[0],
                ports.get(i)[1],
                folders.get(i),
                cluster.launch(folders.get(i))));
      }
      cluster.awaitGreen(size);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      String logs = cluster.consoleTails();
      cluster.close();
      throw new IOException("OpenSearch cluster did not start: " + e.getMessage() + logs, e);
    }
  }

  /**
   * Starts the OpenSearch process of the node whose folder (config, data, logs) is {@code folder}.
   */
  private Process launch(Path folder) throws IOException {
    List<String> command = new ArrayList<>();
    if (asSystemUser) {
      // setpriv execs (no child process in between), so the PID is OpenSearch's own.
      command.addAll(
          List.of(
              "setpriv",
              "--reuid=" + SYSTEM_USER,
              "--regid=" + SYSTEM_USER,
              "--init-groups",
              "--"));
    }
    Files.deleteIfExists(folder.resolve("opensearch.pid"));
    command.addAll(
        List.of(
            home.resolve("bin/opensearch").toString(),
            "-p",
            folder.resolve("opensearch.pid").toString()));
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
    builder.environment().put("OPENSEARCH_PATH_CONF", folder.resolve("config").toString());
    builder.environment().put("OPENSEARCH_JAVA_HOME", javaHome);
    builder.environment().put("HOME", folder.toString());
    builder.environment().remove("OPENSEARCH_JAVA_OPTS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.redirectErrorStream(true);
    builder.redirectOutput(
        ProcessBuilder.Redirect.appendTo(folder.resolve("console.log").toFile()));
    return builder.start();
  }

  /**
   * Kills node {@code index} with SIGKILL by its PID (no shutdown, as a crash or the OOM killer
   * would) and waits until the process is gone. Its folder and data stay for {@link #restart}.
   */
  public void kill(int index) throws InterruptedException {
    Node node = nodes.get(index);
    long pid = node.pid();
    // ProcessHandle.destroyForcibly is SIGKILL on Linux; the PID is the node's own (setpriv execs).
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    node.process().destroyForcibly();
    node.process().waitFor(60, TimeUnit.SECONDS);
    ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
  }

  /**
   * Starts node {@code index} again on its ports with its data (as after a crash), and waits until
   * the cluster is green with every node again.
   */
  public void restart(int index) throws IOException, InterruptedException {
    Node old = nodes.get(index);
    if (old.process().isAlive()) {
      throw new IllegalStateException(old.name() + " is still running");
    }
    // The killed JVM left its node lock file; OpenSearch takes it over (the lock died with it).
    Process process = launch(old.folder());
    nodes.set(
        index, new Node(old.name(), old.httpPort(), old.transportPort(), old.folder(), process));
    awaitGreen(nodes.size());
  }

  /**
   * A full reindex of {@code corpus} into a new index behind {@code layout}'s alias, as {@code
   * reindex --backend opensearch --full} does it (the multilingual analysis, 2 workers).
   */
  public org.sandiq.reindex.ReindexReport load(
      Path corpus, org.sandiq.opensearch.IndexLayout layout) throws IOException {
    try (org.sandiq.opensearch.ClusterClient writer =
            org.sandiq.opensearch.ClusterClient.connect(uris());
        org.sandiq.opensearch.OpenSearchIndex index =
            org.sandiq.opensearch.OpenSearchIndex.open(
                writer,
                layout,
                org.sandiq.index.AnalysisProfile.MULTILINGUAL,
                org.sandiq.opensearch.OpenSearchIndex.Mode.REBUILD)) {
      return new org.sandiq.reindex.Reindexer(
              new org.sandiq.ingest.Corpus(corpus), new org.sandiq.analysis.LanguageDetector(), 2)
          .run(index, true, org.sandiq.reindex.ReindexListener.NONE);
    }
  }

  /** The nodes' HTTP addresses. */
  public List<URI> uris() {
    return nodes.stream().map(Node::uri).toList();
  }

  /** The nodes. */
  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  /** A request to the first live node; the body is JSON or absent. */
  public HttpResponse<String> request(String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(nodes.getFirst().uri().resolve(path))
            .timeout(Duration.ofMinutes(1))
            .header("Content-Type", "application/json");
    builder.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private void awaitGreen(int size) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      for (Node node : nodes) {
        if (!node.process().isAlive()) {
          throw new IOException(node.name() + " exited with " + node.process().exitValue());
        }
      }
      try {
        HttpResponse<String> health =
            request(
                "GET",
                "/_cluster/health?wait_for_nodes=" + size + "&wait_for_status=green&timeout=10s",
                null);
        last = health.body();
        if (health.statusCode() == 200
            && last.contains("\"status\":\"green\"")
            && last.contains("\"number_of_nodes\":" + size + ",")) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(1000);
    }
    throw new IOException("not green with " + size + " nodes in " + START_TIMEOUT + ": " + last);
  }

  /** Stops every node by its PID (SIGTERM, then SIGKILL after 60 s) and deletes the folder. */
  @Override
  public void close() {
    for (Node node : nodes) {
      ProcessHandle.of(node.pid()).ifPresent(ProcessHandle::destroy);
    }
    for (Node node : nodes) {
      Optional<ProcessHandle> handle = ProcessHandle.of(node.pid());
      try {
        if (handle.isPresent()) {
          handle.get().onExit().get(60, TimeUnit.SECONDS);
        }
        node.process().waitFor(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        handle.ifPresent(ProcessHandle::destroyForcibly);
        node.process().destroyForcibly();
      }
    }
    nodes.clear();
    deleteTree(root);
  }

  private String consoleTails() {
    StringBuilder out = new StringBuilder();
    for (Node node : nodes) {
      try {
        List<String> lines = Files.readAllLines(node.folder().resolve("console.log"));
        out.append("\n--- ")
            .append(node.name())
            .append(" console (last lines) ---\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
      } catch (IOException e) {
        out.append("\n--- ").append(node.name()).append(": no console log");
      }
    }
    return out.toString();
  }

  private static boolean isRoot() throws IOException, InterruptedException {
    return run(List.of("id", "-u"), Map.of(), Path.of("."), null).strip().equals("0");
  }

  private static void ensureSystemUser() throws IOException, InterruptedException {
    Process id = new ProcessBuilder("id", "-u", SYSTEM_USER).redirectErrorStream(true).start();
    id.getInputStream().readAllBytes();
    if (id.waitFor() != 0) {
      run(
          List.of(
              "useradd",
              "--system",
              "--no-create-home",
              "--shell",
              "/usr/sbin/nologin",
              SYSTEM_USER),
          Map.of(),
          Path.of("."),
          null);
    }
  }

  /** Runs a command to its end; its output, or an exception with it when it fails. */
  private static String run(
      List<String> command, Map<String, String> env, Path directory, Duration timeout)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean done =
        timeout == null
            ? process.waitFor() >= 0
            : process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
    if (!done || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }

  /** Unpacks the distribution zip; returns its top folder. Scripts in bin/ are made executable. */
  private static Path unpack(Path zip, Path target) throws IOException {
    Path top = null;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("entry outside the folder: " + entry.getName());
        }
        if (top == null) {
          top = target.resolve(target.relativize(path).getName(0));
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
          if (path.getParent().getFileName().toString().equals("bin")) {
            path.toFile().setExecutable(true, false);
          }
        }
      }
    }
    if (top == null) {
      throw new IOException("empty distribution: " + zip);
    }
    return top;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + folder, e);
    }
  }

  /** A port free now on loopback, none of {@code taken}, never OpenSearch's defaults. */
  private static int freePort(Set<Integer> taken) throws IOException {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = socket.getLocalPort();
        if (port != 9200 && port != 9300 && taken.add(port)) {
          return port;
        }
      }
    }
  }
}
