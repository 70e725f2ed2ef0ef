package io.cairn.engine.reactions;

import io.cairn.engine.streams.ConsumerLag;
import io.cairn.engine.sync.Progress;
import io.cairn.engine.sync.SyncProbe;
import io.cairn.engine.sync.SyncReading;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;

/**
 * How each process manager keeps up, for the sync monitor. Their inputs share one topic and
 * consumer, so records waiting there wait for all of them, and the topic moves as long as any of
 * them takes an input in; each one's own lag is that of its latest input, if it had one since.
 */
public final class ProcessesSync implements SyncProbe {
  /** What a process manager is in sync readings. */
  public static final String KIND = "process";

  private final KafkaStreams streams;
  private final String inputs;
  private final List<String> managers;
  private final Progress progress;

  /**
   * @param streams the command processors' application, which runs the process managers
   * @param inputs the name of the topic their inputs travel through
   * @param managers the process managers' names
   * @param progress their latest inputs, as they noted them
   */
  public ProcessesSync(
      KafkaStreams streams, String inputs, List<String> managers, Progress progress) {
    this.streams = streams;
    this.inputs = inputs;
    this.managers = List.copyOf(managers);
    this.progress = progress;
  }

  @Override
  public List<SyncReading> read() {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
      String why = "the command processors are " + state;
      return managers.stream().map(name -> SyncReading.stopped(KIND, name, why)).toList();
    }
    boolean pending = ConsumerLag.byTopic(streams.metrics()).getOrDefault(inputs, 0L) > 0;
    Optional<Progress.Latest> topic =
        managers.stream()
            .map(progress::latest)
            .flatMap(Optional::stream)
            .max((a, b) -> a.at().compareTo(b.at()));
    return managers.stream()
        .map(
            name ->
                SyncReading.running(
                    KIND,
                    name,
                    pending,
                    topic.map(Progress.Latest::at).orElse(null),
                    progress.latest(name).map(Progress.Latest::lag).orElse(Duration.ZERO)))
        .toList();
  }
}
