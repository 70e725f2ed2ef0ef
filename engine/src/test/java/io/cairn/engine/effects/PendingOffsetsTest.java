package io.cairn.engine.effects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PendingOffsetsTest {
  private final TopicPartition zero = new TopicPartition("cairn-effects-x", 0);
  private final TopicPartition one = new TopicPartition("cairn-effects-x", 1);
  private final PendingOffsets pending = new PendingOffsets();

  @Test
  void commitsNoFurtherThanTheOldestCallUnderWay() {
    pending.started(zero, 10);
    pending.started(zero, 11);
    pending.started(zero, 12);
    pending.done(zero, 11);
    pending.done(zero, 12);
    assertThat(pending.committable()).containsEntry(zero, new OffsetAndMetadata(10));

    pending.done(zero, 10);
    assertThat(pending.committable()).containsEntry(zero, new OffsetAndMetadata(13));
  }

  @Test
  void forgetsPartitionsTakenAwayAndIgnoresTheirLateCalls() {
    pending.started(zero, 5);
    pending.started(one, 7);
    pending.forget(List.of(zero));
    pending.done(zero, 5);

    assertThat(pending.committable())
        .doesNotContainKey(zero)
        .containsEntry(one, new OffsetAndMetadata(7));
  }
}
