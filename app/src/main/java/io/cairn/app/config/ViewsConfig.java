package io.cairn.app.config;

import java.time.Duration;

/**
 * How the read side keeps its views.
 *
 * @param versionsRetention how long each view's past versions are kept for queries as of an
 *     instant; an older instant is answered by folding the event history again, which only views of
 *     one entity's own events can do
 */
public record ViewsConfig(Duration versionsRetention) {

  /** Checks the values. */
  public ViewsConfig {
    if (versionsRetention.isNegative() || versionsRetention.isZero()) {
      throw new IllegalArgumentException("views.versions.retention must be positive");
    }
  }

  static ViewsConfig read(Settings settings) {
    Duration retention =
        settings.duration(
            "views.versions.retention",
            Duration.ofDays(7),
            "How long views keep their past versions for ?asOf= queries; older instants are"
                + " folded again from the event history where a view allows it.");
    return settings
        .validated("views.*", () -> new ViewsConfig(retention))
        .orElse(new ViewsConfig(Duration.ofDays(7)));
  }
}
