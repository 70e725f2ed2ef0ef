package io.cairn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The Cairn a soak runs against, as an operator runs it: {@code bin/cairn run} with an embedded
 * cluster of three broker nodes (every topic with three copies, two in sync), in a process of the
 * soak's own, so that the soak can kill it, stop it, delete its state and start it again, and kill
 * one of its broker nodes, whose process it finds through the node's pid file.
 */
final class SoakCluster implements AutoCloseable {
  static final int NODES = 3;
  private static final int HTTP_PORT = 18380;
  private static final int REGISTRY_PORT = 18381;
  private static final int BROKER_PORT = 19392;
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

  private final SoakSettings settings;
  private final HttpClient http = Http.client();
  private Process app;

  private SoakCluster(SoakSettings settings) {
    this.settings = settings;
  }

  /** Empties the soak's directory, starts Cairn on it and returns once it is ready. */
  static SoakCluster start(SoakSettings settings) throws IOException {
    for (int port : ports()) {
      if (accepts(port)) {
        throw new IllegalStateException(
            "port " + port + " on 127.0.0.1 is taken; the soak's cluster needs " + ports());
      }
    }
    deleteTree(settings.dir());
    Files.createDirectories(settings.dir());
    SoakCluster cluster = new SoakCluster(settings);
    cluster.startApp();
    return cluster;
  }

  URI api() {
    return URI.create("http://127.0.0.1:" + HTTP_PORT);
  }

  URI registry() {
    return URI.create("http://127.0.0.1:" + REGISTRY_PORT);
  }

  String bootstrap() {
    return IntStream.rangeClosed(1, NODES)
        .mapToObj(node -> "127.0.0.1:" + nodePort(node))
        .collect(Collectors.joining(","));
  }

  Path log() {
    return settings.dir().resolve("cairn.log");
  }

  /** Starts the app (and with it its broker nodes) and waits until it is ready. */
  void startApp() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(settings.home().resolve("bin/cairn").toString());
    command.addAll(
        List.of(
            "run",
            "--http.port=" + HTTP_PORT,
            "--registry.port=" + REGISTRY_PORT,
            "--broker.port=" + BROKER_PORT,
            "--broker.controller.port=" + (BROKER_PORT + 1),
            "--broker.nodes=" + NODES,
            "--broker.heap=384m",
            "--broker.data.dir=" + settings.dir().resolve("kafka"),
            "--streams.state.dir=" + stateDir()));
    app =
        new ProcessBuilder(command)
            .directory(settings.dir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
            .start();
    awaitReady();
  }

  /** Kills the app with SIGKILL, as a crash would; its broker nodes stop when they see it gone. */
  void killApp() {
    app.destroyForcibly();
    awaitExit();
  }

  /** Stops the app with SIGTERM, as an operator would, and waits until it has. */
  void stopApp() {
    app.destroy();
    awaitExit();
  }

  /** Deletes the app's Kafka Streams state, as a lost disk or a new machine would. */
  void deleteState() throws IOException {
    deleteTree(stateDir());
  }

  /**
   * Kills a broker node with SIGKILL and waits until the app has started it again; returns the
   * killed process's id.
   */
  long killNode(int node) {
    long killed = nodePid(node).orElseThrow(() -> new IllegalStateException("no node " + node));
    ProcessHandle.of(killed).ifPresent(ProcessHandle::destroyForcibly);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!(nodePid(node).filter(pid -> pid != killed).isPresent() && accepts(nodePort(node)))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("node " + node + " was not started again; see " + log());
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    return killed;
  }

  private Optional<Long> nodePid(int node) {
    Path file = settings.dir().resolve("kafka/node-" + node + "/broker.pid");
    try {
      long pid = Long.parseLong(Files.readString(file).trim().split("\\s+")[0]);
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not written yet, or being rewritten by a restart
    }
  }

  private void awaitReady() {
    HttpRequest ready =
        HttpRequest.newBuilder(api().resolve("/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      if (!app.isAlive()) {
        throw new IllegalStateException("Cairn exited while starting; see " + log());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Cairn was not ready in " + START_TIMEOUT + "; see " + log());
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while Cairn started", e);
      }
      LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    }
  }

  private void awaitExit() {
    try {
      if (!app.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        app.destroyForcibly().waitFor();
      }
      // The nodes see their owner gone within a second or so; a start before that would find
      // them still running and wait for them to stop.
      for (int node = 1; node <= NODES; node++) {
        Optional<ProcessHandle> left = nodePid(node).flatMap(ProcessHandle::of);
        if (left.isPresent()) {
          left.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("a broker node outlived Cairn by " + STOP_TIMEOUT, e);
    }
  }

  private Path stateDir() {
    return settings.dir().resolve("streams");
  }

  private static int nodePort(int node) {
    return BROKER_PORT + 2 * (node - 1);
  }

  private static List<Integer> ports() {
    List<Integer> ports = new ArrayList<>(List.of(HTTP_PORT, REGISTRY_PORT));
    for (int node = 1; node <= NODES; node++) {
      ports.add(nodePort(node));
      ports.add(nodePort(node) + 1);
    }
    return ports;
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Stops the app, and with it its broker nodes. */
  @Override
  public void close() {
    if (app != null && app.isAlive()) {
      stopApp();
    }
  }
}
