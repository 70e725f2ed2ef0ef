package io.cairn.engine.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

/** A dead stream thread is replaced, unless threads keep dying within a minute. */
class ThreadReplacementTest {
  private static final Instant START = Instant.parse("2026-12-02T20:00:00Z");

  @Test
  void replacesADeadThreadButStopsWhenThreadsKeepDying() {
    MovingClock clock = new MovingClock();
    ThreadReplacement handler = new ThreadReplacement("cairn-commands", clock);
    RuntimeException fenced = new InvalidTxnStateException("fenced while the network was cut");

    for (int i = 0; i < 10; i++) {
      assertThat(handler.handle(fenced)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }
    assertThat(handler.handle(fenced)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);

    clock.now = START.plus(Duration.ofMinutes(2));
    assertThat(handler.handle(fenced))
        .as("a minute later, the earlier deaths no longer count")
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  private static final class MovingClock extends Clock {
    Instant now = START;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
