package io.cairn.engine.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * A view or process manager out of sync: stopped, or behind the event log by more than the alert
 * threshold.
 *
 * @param key what it is ({@code view/orders})
 * @param since when the alert started
 * @param lag how far behind it is now; zero when stopped
 * @param stopped why it does not run, or null when it runs but lags
 */
public record SyncAlert(String key, Instant since, Duration lag, String stopped) {

  /** One phrase for people: {@code 7.2 s behind the event log} or {@code stopped: ...}. */
  public String describe() {
    return stopped != null
        ? "stopped: " + stopped
        : "%.1f s behind the event log".formatted(lag.toMillis() / 1000.0);
  }
}
