package io.cairn.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Waits for an app to answer /health/ready with 200, as a load balancer would. */
public final class ReadinessWait {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ReadinessWait() {}

  /** Waits until GET {base}/health/ready answers 200, or fails after the given time. */
  public static void awaitReady(URI base, Duration atMost) {
    awaitReady(HTTP, base, atMost);
  }

  /** Waits as {@link #awaitReady(URI, Duration)} does, asking with the client given. */
  public static void awaitReady(HttpClient client, URI base, Duration atMost) {
    HttpRequest ready = HttpRequest.newBuilder(base.resolve("/health/ready")).build();
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> status(client, ready) == 200);
  }

  private static int status(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
