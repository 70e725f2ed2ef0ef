package io.cairn.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a soak does, from its command line ({@code --key=value}).
 *
 * @param home Cairn's checkout, whose {@code bin/cairn run} the soak starts
 * @param dir where the soak's cluster keeps its data and log; emptied at the start
 * @param duration how long the load runs after the capacity probe
 * @param faultEvery how often a fault is injected
 * @param rate the mixed load's rate, or empty to measure the capacity and take half of it
 * @param carts how many carts the audited commands are spread over
 */
record SoakSettings(
    Path home,
    Path dir,
    Duration duration,
    Duration faultEvery,
    Optional<Integer> rate,
    int carts) {

  /** The least time between faults; a short soak is a smoke test of the soak itself. */
  static final Duration SHORTEST_FAULT_EVERY = Duration.ofMinutes(1);

  /** The flags and what they mean, for the usage text. */
  static final List<String> FLAGS =
      List.of(
          "--duration=30m                   how long the load runs (s, m or h; a number is seconds)",
          "--fault-every=5m                 how often a fault is injected (1m at least)",
          "--rate=N                         ticks per second of the mixed load; by default half the"
              + " capacity a probe measures first",
          "--carts=1000                     carts the audited commands are spread over",
          "--dir=data/soak                  the soak cluster's data and log (emptied first)");

  static SoakSettings parse(Path home, List<String> args) {
    Map<String, String> flags = BenchSettings.flags(args);
    String rate = flags.remove("rate");
    String carts = flags.remove("carts");
    String dir = flags.remove("dir");
    SoakSettings settings =
        new SoakSettings(
            home,
            dir == null ? home.resolve("data/soak") : Path.of(dir).toAbsolutePath(),
            duration("duration", flags.getOrDefault("duration", "30m")),
            duration("fault-every", flags.getOrDefault("fault-every", "5m")),
            rate == null ? Optional.empty() : Optional.of(BenchSettings.positive("rate", rate)),
            carts == null ? 1000 : BenchSettings.positive("carts", carts));
    flags.remove("duration");
    flags.remove("fault-every");
    if (!flags.isEmpty()) {
      throw new IllegalArgumentException("unknown arguments " + flags.keySet());
    }
    if (settings.faultEvery().compareTo(SHORTEST_FAULT_EVERY) < 0) {
      throw new IllegalArgumentException("--fault-every is 1m at least, to measure around a fault");
    }
    return settings;
  }

  /**
   * How long the stretches measured around a fault are: a fifth of the time between faults, so that
   * the one before, the one while it lasts, the one after and a spare fit between two.
   */
  Duration window() {
    return faultEvery.dividedBy(5);
  }

  /** A duration such as {@code 30m}, {@code 90s}, {@code 1h} or {@code 45} (seconds). */
  static Duration duration(String key, String value) {
    String digits = value.replaceAll("[smh]$", "");
    long amount = BenchSettings.positive(key, digits);
    return switch (value.substring(digits.length())) {
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofSeconds(amount);
    };
  }
}
