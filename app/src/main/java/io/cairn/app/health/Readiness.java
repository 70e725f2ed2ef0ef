package io.cairn.app.health;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The outcome of a readiness check.
 *
 * @param ready whether every check passed
 * @param checks each check's outcome by name ({@code kafka}, or a Streams instance's name), with
 *     the failing ones saying why
 * @param failures the failing checks only, by name
 * @param sync the views and process managers out of sync with the event log ({@code view/orders}),
 *     each with how; they do not make the instance unready, since it still takes commands and
 *     answers what it has
 */
public record Readiness(
    boolean ready,
    Map<String, String> checks,
    Map<String, String> failures,
    Map<String, String> sync) {

  /** Freezes the maps, sorted so reports read the same every time. */
  public Readiness {
    checks = Map.copyOf(new TreeMap<>(checks));
    failures = Map.copyOf(new TreeMap<>(failures));
    sync = Map.copyOf(new TreeMap<>(sync));
  }

  /** One sentence naming every failing check and why it fails. */
  public String reasons() {
    return new TreeMap<>(failures)
        .entrySet().stream()
            .map(failure -> failure.getKey() + " " + failure.getValue())
            .collect(Collectors.joining("; "));
  }
}
