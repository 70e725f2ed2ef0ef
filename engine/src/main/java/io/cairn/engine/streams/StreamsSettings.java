package io.cairn.engine.streams;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How Cairn's Kafka Streams applications run, as configured: the settings every one of them shares.
 *
 * @param stateDir where Kafka Streams keeps its RocksDB stores
 * @param threads stream threads per application: each processes its partitions one record at a time
 * @param commitInterval how often a thread commits its exactly-once transaction; what it wrote is
 *     seen by others only after the commit
 * @param fetchWait how long a stream thread's fetch waits at the broker for a record before it is
 *     answered empty, so how often an idle thread asks again
 */
public record StreamsSettings(
    Path stateDir, int threads, Duration commitInterval, Duration fetchWait) {

  /** The same settings for an application that commits at another interval, such as the views. */
  public StreamsSettings withCommitInterval(Duration interval) {
    return new StreamsSettings(stateDir, threads, interval, fetchWait);
  }
}
