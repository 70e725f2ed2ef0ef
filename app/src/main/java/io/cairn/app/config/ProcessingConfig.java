package io.cairn.app.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the write side processes commands.
 *
 * @param stateDir where Kafka Streams keeps its RocksDB stores
 * @param threads stream threads: each processes its partitions' commands one at a time
 * @param commitInterval how often a thread commits its exactly-once transaction; a reply is seen
 *     only after the commit, so this bounds command latency from below
 * @param commandTimeout how long an HTTP command waits for its outcome before a 504
 * @param maxInFlight how many commands may wait for their outcome at once, per process
 * @param idempotencyRetention how long the first answer to a command with an Idempotency-Key is
 *     kept
 */
public record ProcessingConfig(
    Path stateDir,
    int threads,
    Duration commitInterval,
    Duration commandTimeout,
    int maxInFlight,
    Duration idempotencyRetention) {

  static ProcessingConfig read(Settings settings) {
    return new ProcessingConfig(
        settings.path(
            "streams.state.dir",
            Path.of("data", "streams"),
            "Where Kafka Streams keeps its RocksDB state stores."),
        settings.integer("streams.threads", 2, 1, 64, "Stream threads of the write side."),
        settings.duration(
            "streams.commit.interval",
            Duration.ofMillis(20),
            "Exactly-once commit interval: a command's reply is visible after the commit."),
        settings.duration(
            "commands.timeout",
            Duration.ofSeconds(10),
            "How long an HTTP command waits for its outcome before answering 504."),
        settings.integer(
            "commands.max.in.flight",
            2_000,
            1,
            1_000_000,
            "Commands that may wait for their outcome at once; beyond it a command gets 503"
                + " overloaded, with nothing written."),
        settings.duration(
            "commands.idempotency.retention",
            Duration.ofHours(24),
            "How long Idempotency-Keys are remembered."));
  }
}
