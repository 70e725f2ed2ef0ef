package io.cairn.analytics.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stream's position: its text is an event id, and it moves with each change read. */
class FeedPositionTest {
  private static WindowChange change(int partition, long offset) {
    return new WindowChange(partition, offset, "tea", Instant.EPOCH, "window");
  }

  @Test
  void itsTextIsReadBackAndNamesEveryPartitionInOrder() {
    FeedPosition position = new FeedPosition(Map.of(2, 7L, 0, 12L, 1, 40L));
    assertThat(position.text()).isEqualTo("0:12,1:40,2:7");
    assertThat(FeedPosition.parse(position.text())).contains(position);
  }

  @Test
  void textThatIsNotAPositionIsNotRead() {
    assertThat(FeedPosition.parse("x")).isEmpty();
    assertThat(FeedPosition.parse("0:1,")).isEmpty();
    assertThat(FeedPosition.parse("0:-1")).isEmpty();
    assertThat(FeedPosition.parse("0:99999999999999999999")).isEmpty();
    assertThat(FeedPosition.parse(null)).isEmpty();
  }

  @Test
  void aChangeReadMovesItsPartitionPastItAndIsNoLongerAhead() {
    FeedPosition start = new FeedPosition(Map.of(0, 5L));
    assertThat(start.precedes(change(0, 5))).isTrue();
    assertThat(start.precedes(change(0, 4))).isFalse();
    // A partition it does not name starts at its beginning.
    assertThat(start.precedes(change(3, 0))).isTrue();
    FeedPosition moved = start.after(change(0, 5));
    assertThat(moved.of(0)).isEqualTo(6);
    assertThat(moved.precedes(change(0, 5))).isFalse();
  }

  @Test
  void aSubscriptionThatCannotQueueAChangeCountsAsOverflowed() throws InterruptedException {
    FeedSubscription subscription =
        new FeedSubscription(1, new FeedPosition(Map.of()), ignored -> {});
    subscription.offer(change(0, 0));
    assertThat(subscription.overflowed()).isFalse();
    subscription.offer(change(0, 1));
    assertThat(subscription.overflowed()).isTrue();
    assertThat(subscription.next(Duration.ZERO)).contains(change(0, 0));
  }
}
