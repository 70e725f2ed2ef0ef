package io.cairn.engine.reactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.commerce.payments.ProviderCalls;
import io.cairn.core.reaction.Effect;
import io.cairn.kafka.topics.CairnTopics;
import io.cairn.kafka.topics.TopicDefaults;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class EffectRequestsTest {
  private final EffectRequests requests =
      new EffectRequests(new CairnTopics(new TopicDefaults(1, (short) 1)));

  @Test
  void aCallReadsBackAsItWasAskedForWithWhatCausedIt() throws Exception {
    Effect.Call<ProviderCalls.Request> call =
        new Effect.Call<ProviderCalls.Request>("void:o1", new ProviderCalls.VoidAuthorization("o1"))
            .superseding("authorize:o1");
    Instant at = Instant.parse("2026-12-02T09:00:00.123Z");

    ProducerRecord<byte[], byte[]> record =
        requests.write("payment-provider", call, "o1", new Cause("e-1", "flow-1", at));

    assertThat(record.topic()).isEqualTo("cairn-effects-payment-provider");
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("o1");
    EffectRequests.Request read = EffectRequests.read(record.value());
    assertThat(EffectRequests.call(read, ProviderCalls.Request.class)).isEqualTo(call);
    assertThat(read.cause(at.plusSeconds(1)))
        .isEqualTo(new Cause("e-1", "flow-1", at.plusSeconds(1)));
  }

  @Test
  void aRequestOfAnotherEffectIsRefusedByName() throws Exception {
    ProducerRecord<byte[], byte[]> record =
        requests.write(
            "payment-provider",
            new Effect.Call<>("authorize:o1", new ProviderCalls.Authorize("o1", 100, "EUR", "t")),
            "o1",
            new Cause("e-1", "flow-1", Instant.EPOCH));
    EffectRequests.Request read = EffectRequests.read(record.value());

    assertThatThrownBy(() -> EffectRequests.call(read, Other.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no request Authorize");
  }

  sealed interface Other permits Ping {}

  record Ping() implements Other {}
}
