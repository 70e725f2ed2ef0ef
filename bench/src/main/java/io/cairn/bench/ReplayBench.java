package io.cairn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Benchmarks a replay of the event log into every view: appends events of every aggregate type
 * under ids of its own (ten per round: a product defined and repriced, its stock received, a
 * customer registered, a cart of four items, an order placed for that customer and confirmed), then
 * has the running app rebuild its views from the whole log and reads the figures it reports; beside
 * it, in the same run over the same topics, a bare Kafka Streams count.
 *
 * <p>{@code bin/cairn bench replay --events=1000000} against {@code bin/cairn run}. The events stay
 * in the log, which is never cut: run it against a scratch data directory.
 */
final class ReplayBench {
  private static final List<String> TYPES =
      List.of("products", "inventory", "customers", "carts", "orders");
  private static final int EVENTS_PER_ROUND = 10;
  private static final Duration LOOK_EVERY = Duration.ofMillis(500);

  private ReplayBench() {}

  /** Runs the benchmark and prints its report. */
  static void run(BenchSettings settings) throws Exception {
    HttpClient http = Http.client();
    Bench.header("replay");
    System.out.printf(
        "app %s, broker %s, registry %s: %,d events appended, then replayed%n",
        settings.api(), settings.bootstrap(), settings.registry(), settings.events());
    append(settings, http);
    // The app folds the new events as they come; the baseline runs once it is idle again.
    System.out.printf(
        "the running views folded them as they came, idle %.1f s after the last%n",
        ViewsIdle.await(settings.api(), http).toMillis() / 1000.0);

    List<String> topics = TYPES.stream().map(EventAppender::topic).toList();
    Duration count = BareCount.run(settings.bootstrap(), topics);
    JsonNode views = rebuild(settings, http);
    double viewsSeconds = views.get("replaySeconds").asDouble();
    long records = views.get("recordsTotal").asLong();
    System.out.printf(
        "views: the whole log, %,d events (%,d records), replayed into every view in %.1f s:"
            + " %,d events/s (the reset before it took %.1f s)%n",
        views.get("events").asLong(),
        records,
        viewsSeconds,
        views.get("eventsPerSecond").asLong(),
        views.get("resetSeconds").asDouble());
    System.out.printf(
        "baseline: bare Kafka Streams count (exactly once, RocksDB, 2 threads) over the same"
            + " topics: %.1f s, %,.0f records/s%n",
        count.toMillis() / 1000.0, records * 1000.0 / count.toMillis());
    System.out.printf(
        "ratio: views replay time / bare count time = %.2f%n",
        viewsSeconds * 1000 / count.toMillis());
    reportsShare(settings, http, viewsSeconds, count);
  }

  /**
   * The reports' share of the replay, from their own figures in the catalogue, which count from the
   * rebuild: the deltas their events made and the time their processors took.
   */
  private static void reportsShare(
      BenchSettings settings, HttpClient http, double viewsSeconds, Duration count)
      throws Exception {
    JsonNode catalogue =
        new ObjectMapper().readTree(Http.get(http, settings.api().resolve("/api/v1/reports")));
    double seconds = 0;
    long deltas = 0;
    for (JsonNode report : catalogue.get("items")) {
      seconds += report.get("processingSeconds").asDouble();
      deltas += report.get("deltas").asLong();
      System.out.printf(
          "  report %-18s %,12d deltas, processors %6.1f s%n",
          report.get("name").asText(),
          report.get("deltas").asLong(),
          report.get("processingSeconds").asDouble());
    }
    System.out.printf(
        "reports: %,d deltas; their processors took %.1f s of stream-thread time, %.0f%% of the"
            + " replay's %.1f s and %.2f times the whole bare count%n",
        deltas,
        seconds,
        100 * seconds / viewsSeconds,
        viewsSeconds,
        seconds * 1000 / count.toMillis());
  }

  private static void append(BenchSettings settings, HttpClient http) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    int rounds = Math.max(1, settings.events() / EVENTS_PER_ROUND);
    long start = System.nanoTime();
    try (EventAppender log =
        new EventAppender(settings.bootstrap(), settings.registry(), http, TYPES)) {
      for (int round = 0; round < rounds; round++) {
        round(log, "br-" + run + "-" + round);
      }
      log.flush();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "appended: %,d events in %.1f s (%,.0f events/s)%n",
        (long) rounds * EVENTS_PER_ROUND, seconds, rounds * EVENTS_PER_ROUND / seconds);
  }

  private static void round(EventAppender log, String id) {
    String product = id + "-p";
    String customer = id + "-c";
    log.append(
        "products",
        product,
        1,
        "ProductDefined",
        Map.of("name", "Bench tea", "category", "bench", "priceMinor", 450L, "currency", "EUR"));
    log.append(
        "products",
        product,
        2,
        "PriceChanged",
        Map.of("priceMinor", 500L, "previousPriceMinor", 450L, "currency", "EUR"));
    log.append("inventory", product, 1, "StockReceived", Map.of("quantity", 10));
    log.append(
        "customers",
        customer,
        1,
        "CustomerRegistered",
        Map.of("name", "Bench", "email", customer + "@example.org"));
    for (int item = 1; item <= 4; item++) {
      log.append(
          "carts", id + "-k", item, "ItemAdded", Map.of("productId", product, "quantity", 1));
    }
    GenericRecord line = new GenericData.Record(log.nested("orders", "OrderPlaced", "lines"));
    line.put("productId", product);
    line.put("quantity", 1);
    line.put("unitPriceMinor", 500L);
    log.append(
        "orders",
        id + "-o",
        1,
        "OrderPlaced",
        Map.of(
            "customerId", customer, "currency", "EUR", "lines", List.of(line), "totalMinor", 500L));
    log.append("orders", id + "-o", 2, "OrderConfirmed", Map.of());
  }

  /** Has the app rebuild its views, and answers its figures once done. */
  private static JsonNode rebuild(BenchSettings settings, HttpClient http) throws Exception {
    URI rebuild = settings.api().resolve("/api/v1/views/rebuild");
    Http.post(http, rebuild, null, 202);
    ObjectMapper json = new ObjectMapper();
    while (true) {
      LockSupport.parkNanos(LOOK_EVERY.toNanos());
      JsonNode status = json.readTree(Http.get(http, rebuild));
      switch (status.get("state").asText()) {
        case "done" -> {
          return status;
        }
        case "failed" -> throw new IllegalStateException("the rebuild failed: " + status);
        default -> {
          // still going
        }
      }
    }
  }
}
