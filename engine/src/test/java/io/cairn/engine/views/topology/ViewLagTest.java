package io.cairn.engine.views.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The views' end-to-end lag: percentiles over the last minute only. */
class ViewLagTest {
  private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void shouldReportPercentilesOfTheLastMinute() {
    ViewLag lag = new ViewLag(Clock.fixed(START, ZoneOffset.UTC));
    for (int ms = 1; ms <= 100; ms++) {
      lag.record("products", START.minusMillis(ms));
    }

    ViewLag.Snapshot snapshot = lag.snapshot("products");

    assertThat(snapshot.events()).isEqualTo(100);
    assertThat(snapshot.p50Ms()).isEqualTo(50);
    assertThat(snapshot.p99Ms()).isEqualTo(99);
  }

  @Test
  void shouldForgetEventsOlderThanAMinute() {
    Instant[] now = {START};
    ViewLag lag =
        new ViewLag(
            new Clock() {
              @Override
              public Instant instant() {
                return now[0];
              }

              @Override
              public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
              }

              @Override
              public Clock withZone(java.time.ZoneId zone) {
                return this;
              }
            });
    lag.record("carts", START.minusSeconds(5));
    now[0] = START.plus(Duration.ofSeconds(30));
    lag.record("carts", now[0].minusMillis(20));

    assertThat(lag.snapshot("carts").events()).isEqualTo(2);
    now[0] = START.plus(Duration.ofSeconds(61));
    assertThat(lag.snapshot("carts").events()).isEqualTo(1);
    assertThat(lag.snapshot("carts").p99Ms()).isEqualTo(20);
    assertThat(lag.snapshot("unknown").events()).isZero();
  }
}
