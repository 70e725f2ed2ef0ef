package io.cairn.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.app.InboxEvents;
import io.cairn.app.RunningApp;
import io.cairn.app.write.CommandClient;
import io.cairn.testkit.WithRealKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /metrics of a running app, in Prometheus's format, moving as commands come. */
@WithRealKafka
class MetricsTest {
  private static final String COMMANDS = "cairn_commands_total";
  private static final Path DASHBOARD =
      Path.of("..", "compose", "grafana", "dashboards", "cairn.json");
  private static final Pattern METRIC =
      Pattern.compile("\\b(cairn|http|kafka|jvm|process)_[a-z0-9_]+\\b");
  // Kafka's per-task, per-store and per-partition metrics would be some 30,000.
  private static final int MOST_SERIES = 3_000;
  private static final String ADD_ITEM = "{\"productId\":\"p-1\",\"quantity\":1}";

  @RegisterExtension static final RunningApp app = new RunningApp();

  private final CommandClient client = app.client();

  @Test
  void shouldCountCommandsByTypeCommandAndOutcomeWithTheirLatency() throws Exception {
    String cart = "cart-" + UUID.randomUUID();
    double acceptedBefore =
        scrape().sum(COMMANDS, "type", "carts", "command", "AddItem", "outcome", "accepted");

    for (int i = 0; i < 3; i++) {
      assertThat(client.send("carts", cart, "AddItem", ADD_ITEM).status()).isEqualTo(200);
    }
    assertThat(client.send("carts", cart, "RemoveItem", "{\"productId\":\"p-9\"}").status())
        .isEqualTo(422);
    assertThat(client.send("carts", cart, "AddItem", "{}").status()).isEqualTo(400);

    Scrape after = scrape();
    assertThat(after.sum(COMMANDS, "type", "carts", "command", "AddItem", "outcome", "accepted"))
        .isEqualTo(acceptedBefore + 3);
    assertThat(
            after.find(COMMANDS, "type", "carts", "command", "RemoveItem", "outcome", "rejected"))
        .singleElement()
        .satisfies(series -> assertThat(series.labels().get("code")).isNotEqualTo("none"));
    assertThat(
            after.sum(
                "cairn_command_duration_seconds_count", "type", "carts", "command", "AddItem"))
        .isGreaterThanOrEqualTo(3);
    assertThat(after.find("cairn_command_duration_seconds_bucket", "command", "AddItem"))
        .isNotEmpty();
    assertThat(
            after.sum(
                "http_server_requests_seconds_count",
                "uri",
                "/api/v1/{type}/{id}/commands",
                "status",
                "400"))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void shouldServeTheReadSideTheReactionsKafkaAndTheJvm() throws Exception {
    String customer = "late-" + UUID.randomUUID();
    sendRewardFor(customer);
    client.awaitDeadLetter(customer);

    Scrape scrape =
        await()
            .until(
                MetricsTest::scrape,
                s ->
                    s.hasFamily("cairn_view_lag_seconds") && s.hasFamily("cairn_sync_lag_seconds"));
    assertThat(scrape.find("cairn_view_records_behind", "view", "carts")).hasSize(1);
    assertThat(scrape.find("cairn_report_records_behind", "report", "sales-by-product")).hasSize(1);
    assertThat(scrape.find("cairn_report_deltas_total", "report", "sales-by-product")).hasSize(1);
    assertThat(scrape.find("cairn_sync_lag_seconds", "kind", "process")).isNotEmpty();
    assertThat(scrape.find("cairn_processes", "manager", "checkout", "status", "RUNNING"))
        .hasSize(1);
    assertThat(scrape.find("cairn_process_deadlines_pending", "manager", "shipping-deadline"))
        .hasSize(1);
    assertThat(scrape.sum("cairn_dead_letters", "reason", "rejected:customer_not_found"))
        .isGreaterThanOrEqualTo(1);
    assertThat(scrape.find("kafka_producer_record_send_total")).isNotEmpty();
    assertThat(scrape.series())
        .anySatisfy(
            series -> assertThat(series.labels()).containsEntry("application", "cairn-views"))
        .anySatisfy(
            series -> assertThat(series.labels()).containsEntry("application", "cairn-commands"));
    assertThat(scrape.hasFamily("jvm_memory_used_bytes")).isTrue();
    assertThat(scrape.hasFamily("process_cpu_usage")).isTrue();
    assertThat(scrape.series()).hasSizeLessThan(MOST_SERIES);

    Set<String> charted = dashboardMetrics();
    assertThat(charted).hasSizeGreaterThan(10);
    await()
        .untilAsserted(
            () ->
                assertThat(scrape().series().stream().map(Scrape.Series::name).toList())
                    .as("the series the Grafana dashboard charts")
                    .containsAll(charted));
  }

  /** Every metric the dashboard's queries name. */
  private static Set<String> dashboardMetrics() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    Set<String> names = new TreeSet<>();
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.get("targets")) {
        Matcher metric = METRIC.matcher(target.get("expr").asText());
        while (metric.find()) {
          names.add(metric.group());
        }
      }
    }
    return names;
  }

  private static Scrape scrape() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(app.httpUri() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
    return Scrape.of(response.body());
  }

  /** Points for a customer no one registered: the rewards inbox dead-letters them. */
  private static void sendRewardFor(String customer) {
    InboxEvents.send(
        app.bootstrapServers(),
        "rewards",
        "rewards.PointsAwarded",
        "{\"customerId\":\"%s\",\"points\":5,\"reason\":\"survey\"}".formatted(customer),
        UUID.randomUUID().toString(),
        customer);
  }
}
