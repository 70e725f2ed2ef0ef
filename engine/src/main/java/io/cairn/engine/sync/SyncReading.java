package io.cairn.engine.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * What a view or a process manager says of how well it keeps up with the event log, at one moment.
 *
 * @param kind {@code view} or {@code process}
 * @param name the view's or process manager's name
 * @param pending whether records it reads are waiting to be read
 * @param lastProgress when it last took in an event or input; null if never since it started
 * @param lastLag how long that event or input had waited, from its time to its arrival
 * @param stopped why it does not run, or null while it runs
 */
public record SyncReading(
    String kind,
    String name,
    boolean pending,
    Instant lastProgress,
    Duration lastLag,
    String stopped) {

  /** A reading of something that runs. */
  public static SyncReading running(
      String kind, String name, boolean pending, Instant lastProgress, Duration lastLag) {
    return new SyncReading(kind, name, pending, lastProgress, lastLag, null);
  }

  /** A reading of something stopped, for the given reason. */
  public static SyncReading stopped(String kind, String name, String why) {
    return new SyncReading(kind, name, false, null, Duration.ZERO, why);
  }

  /** The key it is known by in reports: {@code view/orders}. */
  public String key() {
    return kind + "/" + name;
  }
}
