package io.cairn.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/** The benchmarks' HTTP client, and the few plain requests they make besides the measured ones. */
final class Http {
  private Http() {}

  /** A client whose callbacks run on virtual threads, so a slow answer holds no platform thread. */
  static HttpClient client() {
    return HttpClient.newBuilder()
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** A GET's answer; an answer other than 200 is an error that says what it was. */
  static String get(HttpClient http, URI uri) throws Exception {
    return expect(http, HttpRequest.newBuilder(uri).GET(), 200);
  }

  /** A POST with a JSON body (or none); an answer other than the expected one is an error. */
  static String post(HttpClient http, URI uri, String json, int expected) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    return expect(http, request, expected);
  }

  private static String expect(HttpClient http, HttpRequest.Builder request, int expected)
      throws Exception {
    HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
    HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          "%s %s answered %d: %s"
              .formatted(built.method(), built.uri(), response.statusCode(), response.body()));
    }
    return response.body();
  }
}
