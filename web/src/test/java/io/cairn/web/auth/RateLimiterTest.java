package io.cairn.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong();
  private final RateLimiter limiter = new RateLimiter(10, now::get);

  @Test
  void aClientMaySendASecondsWorthAtOnceThenAtItsRate() {
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.take("ann")).isEmpty();
    }
    assertThat(limiter.take("ann")).contains(Duration.ofMillis(100));

    now.addAndGet(Duration.ofMillis(100).toNanos());
    assertThat(limiter.take("ann")).isEmpty();
    assertThat(limiter.take("ann")).isPresent();
  }

  @Test
  void eachClientHasItsOwnBucket() {
    for (int i = 0; i < 10; i++) {
      limiter.take("ann");
    }

    assertThat(limiter.take("ann")).isPresent();
    assertThat(limiter.take("bo")).isEmpty();
  }
}
