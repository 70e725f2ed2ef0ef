package io.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SoakTimelineTest {
  private static final long START = 1_000_000_000_000L;
  private final SoakTimeline timeline = new SoakTimeline(START);

  @Test
  void filesEachLatencyUnderTheSecondItWasScheduledIn() {
    for (int i = 1; i <= 100; i++) {
      timeline.command(at(2, 0), at(2, i)); // 1..100 ms, scheduled in second 2
    }
    timeline.command(at(3, 0), at(9, 0)); // scheduled in second 3, waited 6 s

    SoakTimeline.Window second2 = timeline.commands(seconds(2), seconds(3));
    assertThat(second2.count()).isEqualTo(100);
    assertThat(second2.p50()).isEqualTo(50);
    assertThat(second2.p99()).isEqualTo(99);
    assertThat(second2.max()).isEqualTo(100);
    assertThat(timeline.commands(seconds(3), seconds(4)).max()).isEqualTo(6_000);
    assertThat(timeline.commands(seconds(4), seconds(9)).count()).isZero();
  }

  @Test
  void recoveredIsTheStartOfTheFirstStreakOfPromptSeconds() {
    for (int s = 10; s < 40; s++) {
      // Slow until second 15, then prompt, with one slow second at 18.
      long took = s < 15 || s == 18 ? 3_000 : 20;
      timeline.command(at(s, 0), at(s, (int) took));
    }

    Duration recovered =
        timeline.recovered(seconds(10), seconds(40), Duration.ofSeconds(1), Duration.ofSeconds(10));

    assertThat(recovered).isEqualTo(Duration.ofSeconds(9)); // seconds 19..28, from 10
  }

  @Test
  void notRecoveredIsTheWholeStretch() {
    timeline.command(at(5, 0), at(8, 0));

    assertThat(
            timeline.recovered(
                seconds(5), seconds(20), Duration.ofSeconds(1), Duration.ofSeconds(2)))
        .isEqualTo(Duration.ofSeconds(15));
  }

  private static long at(int second, int millis) {
    return START + second * 1_000_000_000L + millis * 1_000_000L;
  }

  private static Duration seconds(int s) {
    return Duration.ofSeconds(s);
  }
}
