package io.cairn.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a benchmark run does, from its command line ({@code --key=value}).
 *
 * @param api the running app's HTTP API
 * @param bootstrap the Kafka cluster, for the baselines and the replay's events
 * @param registry the schema registry, whose schemas the replay's events are written with
 * @param rates operations per second to schedule; the command benchmark measures each in turn
 * @param warmup how long to send before measuring
 * @param duration how long to measure
 * @param aggregates how many aggregates the commands are spread over, or products the queries
 * @param events how many events the replay appends to the log before replaying it
 * @param connections the most HTTP connections the measured requests may hold open at once
 * @param step how long each rate of a rate search is measured
 */
record BenchSettings(
    URI api,
    String bootstrap,
    URI registry,
    List<Integer> rates,
    Duration warmup,
    Duration duration,
    int aggregates,
    int events,
    int connections,
    Duration step) {

  /** The flags and what they mean, for the usage text. */
  static final List<String> FLAGS =
      List.of(
          "--url=http://127.0.0.1:8080      the app's HTTP API",
          "--bootstrap=127.0.0.1:9092       the Kafka cluster",
          "--registry=http://127.0.0.1:8081 the schema registry (replay)",
          "--rate=1000                      operations per second (commands, queries); for commands,"
              + " a list such as 2000,4000,8000 measures each in turn",
          "--warmup=10 --duration=30        seconds of warm-up and of measurement",
          "--aggregates=1000                carts commanded, or products queried",
          "--events=1000000                 events appended and replayed (replay)",
          "--connections=1000               most HTTP connections open at once (commands, queries)",
          "--step=10                        seconds each rate of a rate search is measured"
              + " (efficiency)");

  static BenchSettings parse(List<String> args) {
    Map<String, String> flags = flags(args);
    BenchSettings settings =
        new BenchSettings(
            URI.create(take(flags, "url", "http://127.0.0.1:8080")),
            take(flags, "bootstrap", "127.0.0.1:9092"),
            URI.create(take(flags, "registry", "http://127.0.0.1:8081")),
            rates(take(flags, "rate", "1000")),
            Duration.ofSeconds(positive(flags, "warmup", "10")),
            Duration.ofSeconds(positive(flags, "duration", "30")),
            positive(flags, "aggregates", "1000"),
            positive(flags, "events", "1000000"),
            positive(flags, "connections", "1000"),
            Duration.ofSeconds(positive(flags, "step", "10")));
    if (!flags.isEmpty()) {
      throw new IllegalArgumentException("unknown arguments " + flags.keySet());
    }
    return settings;
  }

  /** The {@code --key=value} arguments as a map the parser takes each key out of. */
  static Map<String, String> flags(List<String> args) {
    Map<String, String> flags = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("arguments are --key=value, not " + arg);
      }
      flags.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return flags;
  }

  /** The rate of a benchmark that measures one: the first, and only, of {@link #rates}. */
  int rate() {
    return rates.getFirst();
  }

  private static List<Integer> rates(String value) {
    List<Integer> rates = new ArrayList<>();
    for (String rate : value.split(",", -1)) {
      rates.add(positive("rate", rate.strip()));
    }
    return List.copyOf(rates);
  }

  private static String take(Map<String, String> flags, String key, String otherwise) {
    String value = flags.remove(key);
    return value == null ? otherwise : value;
  }

  private static int positive(Map<String, String> flags, String key, String otherwise) {
    return positive(key, take(flags, key, otherwise));
  }

  static int positive(String key, String value) {
    try {
      int parsed = Integer.parseInt(value.replace("_", ""));
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // answered below, with the flag's name
    }
    throw new IllegalArgumentException("--" + key + " takes a positive whole number, not " + value);
  }
}
