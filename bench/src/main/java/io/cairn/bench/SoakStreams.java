package io.cairn.bench;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A soak's analysts: one live stream (Server-Sent Events) of each of a few reports, read as a
 * browser's EventSource reads it: when the stream ends or breaks it is opened again, from the last
 * event's id, a second later (or after the Retry-After of a 503). It counts the windows heard and
 * how often each stream had to be opened again.
 */
final class SoakStreams implements AutoCloseable {
  static final List<String> REPORTS = List.of("sales-by-product", "order-funnel", "top-products");
  private static final Duration REOPEN_AFTER = Duration.ofSeconds(1);

  private final HttpClient http;
  private final URI api;
  private final SoakTimeline timeline;
  private final LongAdder windows = new LongAdder();
  private final LongAdder reopened = new LongAdder();
  private final List<Thread> readers;
  private final List<InputStream> open = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;

  SoakStreams(HttpClient http, URI api, SoakTimeline timeline) {
    this.http = http;
    this.api = api;
    this.timeline = timeline;
    this.readers =
        REPORTS.stream()
            .map(
                report ->
                    Thread.ofVirtual().name("soak-stream-" + report).start(() -> follow(report)))
            .toList();
  }

  long windows() {
    return windows.sum();
  }

  long reopened() {
    return reopened.sum();
  }

  private void follow(String report) {
    String lastId = null;
    while (running) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(api.resolve("/api/v1/reports/" + report + "/stream"));
      if (lastId != null) {
        request.header("Last-Event-ID", lastId);
      }
      Duration pause = REOPEN_AFTER;
      try {
        HttpResponse<InputStream> answer =
            http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (answer.statusCode() == 200) {
          lastId = read(answer.body(), lastId);
        } else {
          timeline.told("stream " + answer.statusCode());
          pause =
              answer
                  .headers()
                  .firstValue("Retry-After")
                  .map(s -> Duration.ofSeconds(Long.parseLong(s)))
                  .orElse(pause);
          answer.body().close();
        }
      } catch (IOException e) {
        timeline.told("stream no answer");
      } catch (InterruptedException e) {
        return;
      }
      if (running) {
        reopened.increment();
        LockSupport.parkNanos(pause.toNanos());
      }
    }
  }

  /** Reads a stream until it ends; returns the last event id heard. */
  private String read(InputStream body, String lastId) throws IOException {
    open.add(body);
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.equals("event: window")) {
          windows.increment();
        } else if (line.startsWith("id: ")) {
          lastId = line.substring(4);
        }
      }
      return lastId;
    } catch (IOException e) {
      if (running) {
        timeline.told("stream broken");
      }
      return lastId;
    } finally {
      open.remove(body);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    for (InputStream body : open) {
      try {
        body.close();
      } catch (IOException e) {
        // closing to stop reading: whatever it says, the reader ends
      }
    }
    for (Thread reader : readers) {
      reader.interrupt();
      reader.join(Duration.ofSeconds(10));
    }
  }
}
