package io.cairn.bench;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a benchmark run does, from its command line.
 *
 * @param api the running app's HTTP API
 * @param bootstrap the Kafka cluster, for the raw producer baseline
 * @param rate commands per second to schedule
 * @param warmup how long to send before measuring
 * @param duration how long to measure
 * @param aggregates how many carts the commands are spread over
 */
record BenchSettings(
    URI api, String bootstrap, int rate, Duration warmup, Duration duration, int aggregates) {

  static BenchSettings parse(String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("arguments are --key=value, not " + arg);
      }
      flags.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    BenchSettings settings =
        new BenchSettings(
            URI.create(flags.getOrDefault("url", "http://127.0.0.1:8080")),
            flags.getOrDefault("bootstrap", "127.0.0.1:9092"),
            Integer.parseInt(flags.getOrDefault("rate", "1000")),
            Duration.ofSeconds(Long.parseLong(flags.getOrDefault("warmup", "10"))),
            Duration.ofSeconds(Long.parseLong(flags.getOrDefault("duration", "30"))),
            Integer.parseInt(flags.getOrDefault("aggregates", "1000")));
    flags
        .keySet()
        .removeAll(Set.of("url", "bootstrap", "rate", "warmup", "duration", "aggregates"));
    if (!flags.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown arguments "
              + flags.keySet()
              + "; known: --url, --bootstrap, --rate, --warmup, --duration (seconds), --aggregates");
    }
    return settings;
  }
}
