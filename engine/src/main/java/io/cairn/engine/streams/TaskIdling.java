package io.cairn.engine.streams;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Whether a Kafka Streams application's tasks wait for their other inputs. Kafka Streams holds a
 * task that reads several partitions until each has records buffered (up to {@code
 * max.task.idle.ms}), so as to process them in timestamp order. A task that reads one partition has
 * no other input to wait for, yet the check still runs on every pass over every task, and formats a
 * log message for each idle one as it goes: some 18% of the write side's stream threads' samples at
 * 1,000 commands/s, over its 72 tasks.
 */
public final class TaskIdling {
  private TaskIdling() {}

  /** Turns the wait off if every task of the topology reads one topic, and so one partition. */
  public static void offWhereOneInput(Properties props, TopologyDescription topology) {
    if (oneInputPerTask(topology)) {
      props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    }
  }

  /** Whether each sub-topology, whose tasks read a partition of each of its topics, has one. */
  static boolean oneInputPerTask(TopologyDescription topology) {
    return topology.subtopologies().stream().allMatch(subtopology -> inputs(subtopology) == 1);
  }

  private static int inputs(TopologyDescription.Subtopology subtopology) {
    int topics = 0;
    for (TopologyDescription.Node node : subtopology.nodes()) {
      if (node instanceof TopologyDescription.Source source) {
        // A pattern may match any number of topics, now or later.
        topics += source.topicPattern() != null ? 2 : source.topicSet().size();
      }
    }
    return topics;
  }
}
