package io.cairn.app.cluster;

import io.cairn.app.Main;
import io.cairn.app.contract.OpenApiConformance;
import io.cairn.testkit.FreePorts;
import io.cairn.testkit.JavaProcess;
import io.cairn.testkit.ReadinessWait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One Cairn instance of a test cluster: its own process, HTTP port and state directory. */
final class Instance implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final URI api;
  private final JavaProcess process;
  // Read from the instance on its first answer: every answer it gives is held to it.
  private OpenApiConformance conformance;

  private Instance(String name, URI api, JavaProcess process) {
    this.name = name;
    this.api = api;
    this.process = process;
  }

  /** Starts an instance on a broker, with the given partitions per topic; it is not ready yet. */
  static Instance start(String name, String bootstrap, int partitions, Path dir) {
    int httpPort = FreePorts.any();
    List<String> args =
        List.of(
            "run",
            "--http.port=" + httpPort,
            "--registry.port=" + FreePorts.any(),
            "--topics.partitions=" + partitions,
            "--streams.threads=1",
            "--streams.state.dir=" + dir.resolve(name));
    JavaProcess process =
        JavaProcess.start(
            Main.class.getName(),
            args,
            Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap),
            dir.resolve(name + ".log"));
    return new Instance(name, URI.create("http://127.0.0.1:" + httpPort), process);
  }

  void awaitReady() {
    ReadinessWait.awaitReady(api, Duration.ofSeconds(90));
  }

  /** How the instance names itself in Cairn-Served-By. */
  String address() {
    return api.getHost() + ":" + api.getPort();
  }

  URI api() {
    return api;
  }

  String name() {
    return name;
  }

  /** A GET. */
  HttpResponse<String> get(String path) {
    return send(path, HttpRequest.newBuilder(api.resolve(path)));
  }

  /** A POST without a body. */
  HttpResponse<String> post(String path) {
    return send(
        path, HttpRequest.newBuilder(api.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private HttpResponse<String> send(String path, HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              request.timeout(Duration.ofSeconds(40)).build(),
              HttpResponse.BodyHandlers.ofString());
      conformance()
          .check(
              response.request().method(),
              response.request().uri(),
              response.statusCode(),
              response.headers().firstValue("Content-Type"),
              response.body());
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(name + " did not answer " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The instance's document, read once, on its first answer. */
  private synchronized OpenApiConformance conformance() {
    if (conformance == null) {
      conformance = OpenApiConformance.servedBy(HTTP, api);
    }
    return conformance;
  }

  /** Ends the process with SIGKILL, as a crash would. */
  void kill() {
    process.kill(Duration.ofSeconds(30));
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.terminate(Duration.ofSeconds(60));
    }
    process.close();
  }
}
