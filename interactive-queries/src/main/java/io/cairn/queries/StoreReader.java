package io.cairn.queries;

import io.cairn.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.query.FailureReason;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Runs an interactive query (IQv2) against the partition of a store that holds an aggregate id. The
 * views' stores are all partitioned like the event topics, by aggregate id with the producer's
 * default partitioner, so the id alone names the partition to ask.
 */
final class StoreReader {
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final KafkaStreams streams;
  private final int partitions;

  /**
   * @param streams the running views application
   * @param partitions the partition count of the event topics, which start-up checked
   */
  StoreReader(KafkaStreams streams, int partitions) {
    this.streams = streams;
    this.partitions = partitions;
  }

  /**
   * Runs a query on the partition holding the id, and maps its result while any iterator in it is
   * still open.
   *
   * @throws ApiException 503 not_ready when this instance cannot answer for that partition now
   */
  <R, T> T query(String store, String id, Query<R> query, Function<R, T> read) {
    int where = partitionOf(id);
    StateQueryRequest<R> request =
        StateQueryRequest.inStore(store).withQuery(query).withPartitions(Set.of(where));
    StateQueryResult<R> result = run(request);
    QueryResult<R> partition = result.getPartitionResults().get(where);
    if (partition == null || partition.isFailure()) {
      throw failure(store, partition);
    }
    return read.apply(partition.getResult());
  }

  /**
   * Runs a query on every partition of a store, which must all be on this instance, and maps their
   * results, by partition, while any iterator in them is still open.
   *
   * @throws ApiException 503 not_ready when a partition cannot answer now
   */
  <R, T> T queryAll(String store, Query<R> query, Function<Map<Integer, R>, T> read) {
    StateQueryRequest<R> request = StateQueryRequest.inStore(store).withQuery(query);
    Map<Integer, QueryResult<R>> results = run(request).getPartitionResults();
    Map<Integer, R> answers = new TreeMap<>();
    try {
      for (int partition = 0; partition < partitions; partition++) {
        QueryResult<R> result = results.get(partition);
        if (result == null || result.isFailure()) {
          throw failure(store, result);
        }
        answers.put(partition, result.getResult());
      }
      return read.apply(answers);
    } finally {
      results.values().stream()
          .filter(QueryResult::isSuccess)
          .map(QueryResult::getResult)
          .forEach(StoreReader::closeIfIterator);
    }
  }

  private static void closeIfIterator(Object result) {
    if (result instanceof KeyValueIterator<?, ?> iterator) {
      iterator.close();
    }
  }

  private <R> StateQueryResult<R> run(StateQueryRequest<R> request) {
    try {
      return streams.query(request);
    } catch (StreamsNotStartedException | IllegalStateException e) {
      // KafkaStreams.query refuses with these when it is neither running nor rebalancing.
      throw notReady("the views are not running (" + streams.state() + ")");
    }
  }

  /** The partition the producer's default partitioner gave the id's events. */
  private int partitionOf(String id) {
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    return Utils.toPositive(Utils.murmur2(key)) % partitions;
  }

  private static ApiException failure(String store, QueryResult<?> result) {
    if (result == null) {
      return notReady("a partition of " + store + " is not on this instance");
    }
    FailureReason reason = result.getFailureReason();
    return switch (reason) {
      case NOT_ACTIVE, NOT_PRESENT, NOT_UP_TO_BOUND ->
          notReady("the views cannot answer for this id right now (" + reason + ")");
      default ->
          throw new IllegalStateException(
              "query of " + store + " failed: " + reason + ": " + result.getFailureMessage());
    };
  }

  private static ApiException notReady(String why) {
    return ApiException.unavailable(
        "not_ready", "Cairn cannot answer this query now: " + why + ".", RETRY_AFTER);
  }
}
