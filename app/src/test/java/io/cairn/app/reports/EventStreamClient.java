package io.cairn.app.reports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client for tests: it reads a stream on a thread of its own, event by event,
 * and closing it closes the connection, as a browser tab that goes away.
 */
final class EventStreamClient implements AutoCloseable {
  /**
   * One event of the stream, or a comment.
   *
   * @param type its {@code event:}, or {@code comment} for a comment line
   * @param id its {@code id:}, null when none
   * @param data its data
   */
  record Event(String type, String id, String data) {}

  private final HttpClient http;
  private final HttpResponse<InputStream> response;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread reader;

  private EventStreamClient(HttpClient http, HttpResponse<InputStream> response) {
    this.http = http;
    this.response = response;
    // Only a stream is read as events; any other answer is left whole for body().
    this.reader = response.statusCode() == 200 ? Thread.ofVirtual().start(this::read) : null;
  }

  /** Opens a stream, resuming after an event when its id is given. */
  static EventStreamClient open(URI uri, String lastEventId)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpClient http = HttpClient.newHttpClient();
    return new EventStreamClient(
        http, http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
  }

  /** The status of the answer. */
  int status() {
    return response.statusCode();
  }

  /** The answer's body, when it is not a stream. */
  String body() throws IOException {
    return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String type = null;
      String id = null;
      List<String> data = new ArrayList<>();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith(":")) {
          events.add(new Event("comment", null, line.substring(1).strip()));
        } else if (line.startsWith("event: ")) {
          type = line.substring(7);
        } else if (line.startsWith("id: ")) {
          id = line.substring(4);
        } else if (line.startsWith("data: ")) {
          data.add(line.substring(6));
        } else if (line.isEmpty() && type != null) {
          events.add(new Event(type, id, String.join("\n", data)));
          type = null;
          id = null;
          data.clear();
        }
      }
    } catch (IOException e) {
      // The stream was closed, by the test or by the server.
    }
  }

  /** The next event or comment, waiting at most this long; null when none came. */
  Event next(Duration wait) throws InterruptedException {
    return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws IOException {
    response.body().close();
    if (reader != null) {
      reader.interrupt();
    }
    http.close();
  }
}
