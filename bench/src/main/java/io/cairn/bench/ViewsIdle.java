package io.cairn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits, through the app's public views status, until its views have folded every event in the log:
 * the app is then idle again, and what is measured next is not slowed by what came before.
 */
final class ViewsIdle {
  private static final Duration LOOK_EVERY = Duration.ofMillis(500);
  private static final Duration LONGEST = Duration.ofMinutes(10);

  private ViewsIdle() {}

  /** How long it took; fails when the views still lag after ten minutes. */
  static Duration await(URI api, HttpClient http) throws Exception {
    URI status = api.resolve("/api/v1/views/status");
    ObjectMapper json = new ObjectMapper();
    long start = System.nanoTime();
    while (true) {
      long lag = 0;
      for (JsonNode view : json.readTree(Http.get(http, status)).get("views")) {
        lag += view.get("consumerLagRecords").asLong();
      }
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      if (lag == 0) {
        return waited;
      }
      if (waited.compareTo(LONGEST) > 0) {
        throw new IllegalStateException(
            "the views still lag by %,d records after %d minutes"
                .formatted(lag, LONGEST.toMinutes()));
      }
      LockSupport.parkNanos(LOOK_EVERY.toNanos());
    }
  }
}
