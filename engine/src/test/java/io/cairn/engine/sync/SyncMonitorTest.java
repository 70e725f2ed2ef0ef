package io.cairn.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.engine.testing.TopologyDriver.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Alerts start and end as a view's readings say, on a clock the test moves. */
class SyncMonitorTest {
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T09:00:00Z"));
  private final AtomicReference<SyncReading> reading = new AtomicReference<>(idle(clock.instant()));
  private final SyncMonitor monitor =
      new SyncMonitor(List.of(() -> List.of(reading.get())), Duration.ofSeconds(5), clock);

  @AfterEach
  void close() {
    monitor.close();
  }

  private static SyncReading idle(Instant lastProgress) {
    return SyncReading.running("view", "orders", false, lastProgress, Duration.ZERO);
  }

  private void tick(Duration by) {
    clock.advance(by);
    monitor.check();
  }

  @Test
  void aViewWithNothingWaitingIsInSyncHoweverLongItWasIdle() {
    tick(Duration.ofHours(1));
    assertThat(monitor.alerts()).isEmpty();
    assertThat(monitor.lags()).containsEntry("view/orders", Duration.ZERO);
  }

  @Test
  void recordsWaitingLongerThanTheThresholdStartAnAlertThatEndsWhenTheyAreRead() {
    Instant idleSince = clock.instant();
    tick(Duration.ofHours(1));
    // Records arrive after an hour of quiet: the quiet hour is no lag.
    reading.set(SyncReading.running("view", "orders", true, idleSince, Duration.ZERO));
    tick(Duration.ofSeconds(1));
    tick(Duration.ofSeconds(3));
    assertThat(monitor.alerts()).isEmpty();
    tick(Duration.ofSeconds(3));
    assertThat(monitor.alerts())
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.key()).isEqualTo("view/orders");
              assertThat(alert.lag()).isEqualTo(Duration.ofSeconds(6));
              assertThat(alert.describe()).isEqualTo("6.0 s behind the event log");
            });
    reading.set(idle(clock.instant()));
    tick(Duration.ofSeconds(1));
    assertThat(monitor.alerts()).isEmpty();
  }

  @Test
  void aViewThatKeepsTakingInLateEventsIsAsFarBehindAsTheyAre() {
    reading.set(SyncReading.running("view", "orders", true, null, Duration.ZERO));
    tick(Duration.ofSeconds(1));
    reading.set(
        SyncReading.running("view", "orders", true, clock.instant(), Duration.ofSeconds(8)));
    tick(Duration.ZERO);
    assertThat(monitor.alerts()).extracting(SyncAlert::lag).containsExactly(Duration.ofSeconds(8));
  }

  @Test
  void aStoppedViewIsAnAlertAtOnce() {
    reading.set(SyncReading.stopped("view", "orders", "the views application is ERROR"));
    tick(Duration.ofSeconds(1));
    assertThat(monitor.alerts())
        .extracting(SyncAlert::describe)
        .containsExactly("stopped: the views application is ERROR");
  }
}
