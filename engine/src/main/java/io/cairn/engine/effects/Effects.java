package io.cairn.engine.effects;

import io.cairn.core.reaction.Effect;
import io.cairn.engine.reactions.CommandWriter;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.topics.ContractTopics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The runners of every effect the app binds, started and stopped together. */
public final class Effects implements AutoCloseable {
  private final List<EffectRunner> runners;

  private Effects(List<EffectRunner> runners) {
    this.runners = List.copyOf(runners);
  }

  /**
   * Starts a runner per effect; on failure, stops those started and rethrows.
   *
   * @param bound the effects with what performs their calls
   * @param kafka the cluster
   * @param topics the topics with their serdes
   * @param writer how the commands recording answers are written
   * @param settings how calls are retried
   * @param clock the time of answers and dead letters
   */
  public static Effects start(
      List<Effect.Bound<?, ?>> bound,
      KafkaConnection kafka,
      ContractTopics topics,
      CommandWriter writer,
      EffectSettings settings,
      Clock clock) {
    List<EffectRunner> started = new ArrayList<>();
    try {
      for (Effect.Bound<?, ?> effect : bound) {
        started.add(EffectRunner.start(effect, kafka, topics, writer, settings, clock));
      }
    } catch (RuntimeException e) {
      new Effects(started).close();
      throw e;
    }
    return new Effects(started);
  }

  @Override
  public void close() {
    runners.forEach(EffectRunner::close);
  }
}
