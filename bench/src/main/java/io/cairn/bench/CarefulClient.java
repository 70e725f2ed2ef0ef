package io.cairn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends commands as a careful client does: each with an Idempotency-Key, and sent again with the
 * same key after an answer that asks for it (503 with Retry-After, 504 {@code command_timeout}) or
 * after no answer at all, backing off exponentially with jitter, until it is acknowledged. Any
 * other answer is wrong: the command is given up and the answer kept for the report. Calls block,
 * so each command runs on a virtual thread of its own; at most {@link #IN_FLIGHT} requests are out
 * at once, so that clients coming back after an outage do not open thousands of connections.
 */
final class CarefulClient {
  private static final int IN_FLIGHT = 256;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration FIRST_BACK_OFF = Duration.ofMillis(100);
  private static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(5);
  private static final int KEPT_WRONG = 20;

  /** A command's acknowledgement: its id and the version it made, as the answer said. */
  record Ack(String commandId, long version) {}

  private final HttpClient http;
  private final URI api;
  private final SoakTimeline timeline;
  private final ObjectMapper json = new ObjectMapper();
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
  private final LongAdder wrongCount = new LongAdder();
  private final ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();

  CarefulClient(HttpClient http, URI api, SoakTimeline timeline) {
    this.http = http;
    this.api = api;
    this.timeline = timeline;
  }

  /**
   * Sends a command to an aggregate until it is acknowledged; empty when an answer was wrong.
   *
   * @param path the aggregate's commands path, such as {@code /api/v1/carts/c1/commands}
   */
  Optional<Ack> send(String path, String command) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(api.resolve(path))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .timeout(REQUEST_TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofString(command))
            .build();
    for (int attempt = 1; ; attempt++) {
      Optional<HttpResponse<String>> answer = ask(request);
      if (answer.isPresent() && answer.get().statusCode() == 200) {
        JsonNode body = readJson(answer.get().body());
        return Optional.of(new Ack(body.path("commandId").asText(), body.path("version").asLong()));
      }
      Optional<Duration> retryAfter = answer.flatMap(this::retryable);
      if (answer.isPresent() && retryAfter.isEmpty()) {
        wrong(request, answer.get());
        return Optional.empty();
      }
      LockSupport.parkNanos(backOff(attempt, retryAfter).toNanos());
    }
  }

  /** How many answers were wrong: neither a success nor a request to come back. */
  long wrongAnswers() {
    return wrongCount.sum();
  }

  /** The first few wrong answers, as {@code method path: status body}. */
  List<String> someWrongAnswers() {
    return List.copyOf(wrong);
  }

  /** An answer that is neither success nor a request to come back is wrong; it is kept. */
  void wrong(HttpRequest request, HttpResponse<String> answer) {
    wrongCount.increment();
    timeline.told("wrong " + answer.statusCode());
    if (wrong.size() < KEPT_WRONG) {
      wrong.add(
          request.method()
              + " "
              + request.uri().getPath()
              + ": "
              + answer.statusCode()
              + " "
              + answer.body());
    }
  }

  private Optional<HttpResponse<String>> ask(HttpRequest request) throws InterruptedException {
    inFlight.acquire();
    try {
      return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      timeline.told("no answer");
      return Optional.empty();
    } finally {
      inFlight.release();
    }
  }

  /** When to come back, for an answer that says to: a 503 with Retry-After, or a 504 timeout. */
  private Optional<Duration> retryable(HttpResponse<String> answer) {
    Optional<String> after = answer.headers().firstValue("Retry-After");
    if (answer.statusCode() == 503 && after.isPresent()) {
      timeline.told("503 " + readJson(answer.body()).path("error").asText());
      return Optional.of(Duration.ofSeconds(Long.parseLong(after.get().trim())));
    }
    if (answer.statusCode() == 504
        && readJson(answer.body()).path("error").asText().equals("command_timeout")) {
      timeline.told("504 command_timeout");
      return Optional.of(Duration.ZERO);
    }
    return Optional.empty();
  }

  /** Exponential from 100 ms to 5 s, at least what the server asked (up to 5 s), jittered. */
  private static Duration backOff(int attempt, Optional<Duration> asked) {
    long exponential = FIRST_BACK_OFF.toMillis() << Math.min(attempt - 1, 10);
    long millis = Math.max(exponential, asked.map(Duration::toMillis).orElse(0L));
    millis = Math.min(millis, LONGEST_BACK_OFF.toMillis());
    return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
  }

  private JsonNode readJson(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      return json.createObjectNode(); // not JSON: judged by its status alone
    }
  }
}
