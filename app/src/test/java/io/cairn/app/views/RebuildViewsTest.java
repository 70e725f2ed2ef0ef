package io.cairn.app.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.app.RunningApp;
import io.cairn.app.cli.RebuildViewsCommand;
import io.cairn.app.write.CommandClient;
import io.cairn.engine.sync.SyncMonitor;
import io.cairn.testkit.WithRealKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * {@code cairn rebuild-views} against a running app on the real broker: the views are emptied and
 * folded again from the whole event log, and answer exactly as before; commands go on meanwhile.
 */
@WithRealKafka
class RebuildViewsTest {
  /** Checked often enough to see a rebuild of a few seconds. */
  @RegisterExtension
  static final RunningApp app = new RunningApp(List.of("--views.sync.check.interval=PT0.2S"));

  @Test
  void shouldRebuildViewsIdenticalToTheOnesBefore() {
    Scenario scenario = new Scenario(app.client()).play();
    SortedMap<String, String> before = scenario.answers(true);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        new RebuildViewsCommand(print(out), print(err), false)
            .run(List.of("--url=" + app.httpUri().toString()));

    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Rebuilding the views of")
        .contains("Rebuilt the views from");
    JsonNode figures = app.client().get("/api/v1/views/rebuild").json();
    assertThat(figures.path("state").asText()).isEqualTo("done");
    assertThat(figures.path("events").asLong()).isGreaterThanOrEqualTo(Scenario.EVENTS);
    assertThat(figures.path("recordsDone").asLong())
        .isEqualTo(figures.path("recordsTotal").asLong());
    // Done means caught up: no token, no waiting.
    assertThat(scenario.answers(false)).isEqualTo(before);
  }

  @Test
  void shouldRefuseQueriesButTakeCommandsWhileRebuilding() {
    Scenario scenario = new Scenario(app.client());
    CommandClient.Answer begun = app.client().post("/api/v1/views/rebuild");
    CommandClient.Answer query = app.client().get("/api/v1/products/" + scenario.id("p1"));
    CommandClient.Answer again = app.client().post("/api/v1/views/rebuild");
    scenario.play();

    assertThat(begun.status()).as(begun.body()).isEqualTo(202);
    assertThat(query.status()).isEqualTo(503);
    assertThat(query.error()).isEqualTo("views_rebuilding");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.error()).isEqualTo("rebuild_in_progress");
    // The commands sent meanwhile show once the rebuild is over.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                app.client()
                    .get("/api/v1/views/rebuild")
                    .json()
                    .path("state")
                    .asText()
                    .equals("done"));
    assertThat(scenario.answers(true)).containsKey("/api/v1/products/" + scenario.id("p1"));
  }

  @Test
  void viewsStoppedByARebuildAreOutOfSyncUntilItEndsSaidOnceAtWarnAndOnceAtInfo() throws Exception {
    new Scenario(app.client()).play();
    Logger monitor = (Logger) LoggerFactory.getLogger(SyncMonitor.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    monitor.addAppender(logged);
    try {
      assertThat(app.client().post("/api/v1/views/rebuild").status()).isEqualTo(202);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> app.client().get("/api/v1/views/rebuild").json().path("state").asText(),
              "done"::equals);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> app.client().get("/health/ready").json().get("sync").isEmpty());

      List<String> orders =
          logged.list.stream()
              .filter(event -> event.getFormattedMessage().startsWith("view orders "))
              .map(event -> event.getLevel() + " " + event.getFormattedMessage())
              .toList();
      assertThat(orders).hasSize(2);
      assertThat(orders.get(0)).startsWith("WARN view orders is stopped: ");
      assertThat(orders.get(1)).startsWith("INFO view orders is in sync again after ");
      ObjectName metric = new ObjectName("io.cairn:type=sync,kind=view,name=orders");
      MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
      assertThat(jmx.getAttribute(metric, "Alerting")).isEqualTo(false);
      assertThat(jmx.getAttribute(metric, "LagMs")).isEqualTo(0L);
    } finally {
      monitor.detachAppender(logged);
    }
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
