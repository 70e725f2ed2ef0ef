package io.cairn.engine.streams;

import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.topics.TopicDefaults;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration every Cairn application shares: exactly once, and fast failover.
 * It becomes Properties here, where a Kafka Streams instance is built, and nowhere before.
 */
public final class StreamsProperties {
  private static final long INTERNAL_TOPICS_RETRY_MS = 10;
  private static final int BUFFERED_RECORDS = 200;
  private static final int PRODUCER_BATCH_BYTES = 128 * 1024;

  private StreamsProperties() {}

  /**
   * The properties of the application with the given id.
   *
   * @param skipped where the application counts the records it cannot read or process
   * @param deadLetters the topic of the dead-letter queue
   */
  public static Properties exactlyOnce(
      String applicationId,
      StreamsSettings config,
      TopicDefaults topics,
      KafkaConnection kafka,
      SkippedRecords skipped,
      String deadLetters) {
    Properties props = kafka.clientProperties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) config.commitInterval().toMillis());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
    // A stream thread commits only between polls, and with nothing fetched a poll waits poll.ms
    // (100 ms by default): at low rates a command processed just after one check waited that long
    // for its commit and so its reply, each hop of a saga again. Polling no longer than a commit
    // interval bounds that wait by the interval, as configured.
    props.put(StreamsConfig.POLL_MS_CONFIG, config.commitInterval().toMillis());
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topics.replicationFactor());
    // Changelogs and repartition topics lose no more than the event log does when a broker goes.
    props.put(
        StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
        Integer.toString(topics.minInSyncReplicas()));
    // After a crash, its partitions wait for the group to give up on it: 10 s, not the default 45.
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
    batching(props, config);
    // Kafka 5 turns this on; turned on now, it stops Kafka Streams warning of it at every start.
    // The main consumer's partition assignor reads its own copy of the Streams settings, made
    // from the consumer's, and warns again unless it is given the setting too.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(
        StreamsConfig.mainConsumerPrefix(
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG),
        true);
    deadLettering(props, skipped, deadLetters);
    return props;
  }

  /**
   * A record no serde can read, such as one of a type newer code wrote, or one whose processing
   * throws, goes to the dead-letter queue and is counted, rather than stopping its partition for
   * good.
   */
  public static void deadLettering(Properties props, SkippedRecords skipped, String deadLetters) {
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    props.put(SkippedRecords.CONFIG, skipped);
    props.put(DeadLetterHandler.QUEUE_CONFIG, deadLetters);
  }

  /**
   * How the stream threads' clients batch records and retry: settings found by profiling the
   * command path and the replay, each with what it measured.
   */
  private static void batching(Properties props, StreamsSettings config) {
    // A fetch is answered as soon as a record can be read, and otherwise waits at the broker up to
    // fetchWait. The records come in batches anyway: those of the other stream threads once per
    // commit, and the gateway's commands once per linger of its producer. Asking for 16 KiB
    // within 5 ms instead made each idle thread fetch 200 times a second, three quarters of what
    // an idle app and its broker cost (0.29 cores against 0.09), and cost more at 1,000 and 3,000
    // commands/s too.
    props.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG),
        (int) config.fetchWait().toMillis());
    // Kafka Streams readies its internal topics one per retry of its check, and sleeps this long
    // between retries: at the default 100 ms, the views' 18 internal topics held a rebuild's
    // start back by 2 s. Clients back off exponentially from it, up to retry.backoff.max.ms.
    props.put(StreamsConfig.RETRY_BACKOFF_MS_CONFIG, INTERNAL_TOPICS_RETRY_MS);
    // Records fetched wait in the stream threads' queues until processed. At the default 1,000 per
    // partition, a replay kept some 30,000 of them, with their headers, alive across collections:
    // young collections took 25 ms each and their survivors filled the old generation. Fetches
    // wait for a fuller batch anyway, so a shorter queue costs no throughput.
    props.put(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, BUFFERED_RECORDS);
    // Each store write is a changelog record, so a replay sends several per event, spread over
    // a hundred partitions; at the producer's default 16 KiB, batches filled and went out a few
    // dozen records at a time. 128 KiB batches cut the app's CPU per replayed event by a sixth and
    // the broker's by a fifth. A commit sends whatever is waiting, so no record waits longer.
    props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES);
  }
}
