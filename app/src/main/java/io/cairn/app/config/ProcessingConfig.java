package io.cairn.app.config;

import io.cairn.engine.streams.StreamsSettings;
import io.cairn.gateway.CommandGateway;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the write side processes commands.
 *
 * @param stateDir where Kafka Streams keeps its RocksDB stores
 * @param threads stream threads of each application: each processes its partitions' records one at
 *     a time
 * @param commitInterval how often a thread commits its exactly-once transaction; a reply is seen
 *     only after the commit, so this bounds command latency from below
 * @param fetchWait how long a stream thread's fetch waits at the broker for a record before it is
 *     answered empty, so how often an idle thread asks again
 * @param commandTimeout how long an HTTP command waits for its outcome before a 504
 * @param maxInFlight how many commands may wait for their outcome at once, per process
 * @param idempotencyRetention how long the first answer to a command with an Idempotency-Key is
 *     kept
 */
public record ProcessingConfig(
    Path stateDir,
    int threads,
    Duration commitInterval,
    Duration fetchWait,
    Duration commandTimeout,
    int maxInFlight,
    Duration idempotencyRetention) {

  // One thread per application: two cost a quarter more CPU at 1,000 commands/s on 2 cores,
  // with more commits of smaller transactions, and had the longer tail.
  private static final int DEFAULT_THREADS = 1;
  private static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(20);
  private static final Duration DEFAULT_FETCH_WAIT = Duration.ofMillis(500);
  private static final Duration LONGEST_FETCH_WAIT = Duration.ofSeconds(1);

  /** Checks the values Kafka would otherwise refuse, or take as an unbounded wait. */
  public ProcessingConfig {
    if (commitInterval.isNegative() || commitInterval.isZero()) {
      throw new IllegalArgumentException("streams.commit.interval must be positive");
    }
    if (fetchWait.isNegative() || fetchWait.compareTo(LONGEST_FETCH_WAIT) > 0) {
      throw new IllegalArgumentException("streams.fetch.wait must be between 0 and 1s");
    }
  }

  static ProcessingConfig read(Settings settings) {
    Path stateDir =
        settings.path(
            "streams.state.dir",
            Path.of("data", "streams"),
            "Where Kafka Streams keeps its RocksDB state stores.");
    int threads =
        settings.integer(
            "streams.threads",
            DEFAULT_THREADS,
            1,
            64,
            "Stream threads of each Kafka Streams application (the write side's and the views'):"
                + " each commits its own transactions, so more threads cost more CPU per command"
                + " at a given rate; add them where one core no longer keeps up.");
    Duration commitInterval =
        settings.duration(
            "streams.commit.interval",
            DEFAULT_COMMIT_INTERVAL,
            "Exactly-once commit interval: a command's reply is visible after the commit.");
    Duration fetchWait =
        settings.duration(
            "streams.fetch.wait",
            DEFAULT_FETCH_WAIT,
            "How long a stream thread's fetch waits at the broker for a record before it is"
                + " answered empty: an idle thread asks again this often. A record is fetched as"
                + " soon as it can be read, whatever this is.");
    Duration commandTimeout =
        settings.duration(
            "commands.timeout",
            Duration.ofSeconds(10),
            "How long an HTTP command waits for its outcome before answering 504.");
    int maxInFlight =
        settings.integer(
            "commands.max.in.flight",
            2_000,
            1,
            1_000_000,
            "Commands that may wait for their outcome at once; beyond it a command gets 503"
                + " overloaded, with nothing written.");
    Duration idempotencyRetention =
        settings.duration(
            "commands.idempotency.retention",
            Duration.ofHours(24),
            "How long Idempotency-Keys are remembered.");
    ProcessingConfig defaults =
        new ProcessingConfig(
            stateDir,
            threads,
            DEFAULT_COMMIT_INTERVAL,
            DEFAULT_FETCH_WAIT,
            commandTimeout,
            maxInFlight,
            idempotencyRetention);
    return settings
        .validated(
            "streams.*",
            () ->
                new ProcessingConfig(
                    stateDir,
                    threads,
                    commitInterval,
                    fetchWait,
                    commandTimeout,
                    maxInFlight,
                    idempotencyRetention))
        .orElse(defaults);
  }

  /** The settings every Kafka Streams application of the app shares. */
  public StreamsSettings streams() {
    return new StreamsSettings(stateDir, threads, commitInterval, fetchWait);
  }

  /** How the command gateway waits for outcomes. */
  public CommandGateway.Settings gateway() {
    return new CommandGateway.Settings(commandTimeout, maxInFlight);
  }
}
