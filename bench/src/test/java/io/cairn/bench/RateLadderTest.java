package io.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLadderTest {
  @Test
  void shouldRiseByAHalfAndByAThirdInTurnUpToTheMost() {
    assertThat(RateLadder.rates(250, 4000))
        .containsExactly(250, 375, 500, 750, 1000, 1500, 2000, 3000, 4000);
    assertThat(RateLadder.rates(5, 50)).containsExactly(5, 8, 10, 15, 20, 30, 40);
  }

  @Test
  void shouldTakeTheHighestRungThatHeldAsTheClimbsRate() {
    RateLadder.Climb climb =
        new RateLadder.Climb(
            List.of(
                new RateLadder.Rung(250, null, true),
                new RateLadder.Rung(375, null, true),
                new RateLadder.Rung(500, null, false)));

    assertThat(climb.rate()).isEqualTo(375);
  }

  @Test
  void shouldTryARungThatDidNotHoldOnceMore() throws Exception {
    Deque<Boolean> outcomes = new ArrayDeque<>(List.of(false, true));

    RateLadder.Rung rung =
        RateLadder.heldInTwoTries(() -> new RateLadder.Rung(500, null, outcomes.pop()));

    assertThat(rung.held()).isTrue();
    assertThat(outcomes).isEmpty();
  }

  @Test
  void shouldFailARungThatDidNotHoldTwice() throws Exception {
    Deque<Boolean> outcomes = new ArrayDeque<>(List.of(false, false, true));

    RateLadder.Rung rung =
        RateLadder.heldInTwoTries(() -> new RateLadder.Rung(500, null, outcomes.pop()));

    assertThat(rung.held()).isFalse();
    assertThat(outcomes).containsExactly(true);
  }

  @Test
  void shouldNotTryAgainARungThatHeld() throws Exception {
    Deque<Boolean> outcomes = new ArrayDeque<>(List.of(true, false));

    RateLadder.Rung rung =
        RateLadder.heldInTwoTries(() -> new RateLadder.Rung(500, null, outcomes.pop()));

    assertThat(rung.held()).isTrue();
    assertThat(outcomes).containsExactly(false);
  }

  @Test
  void shouldSayZeroWhenNoRungHeld() {
    RateLadder.Climb climb = new RateLadder.Climb(List.of(new RateLadder.Rung(250, null, false)));

    assertThat(climb.rate()).isZero();
  }
}
