package io.cairn.queries.reports;

import java.time.Duration;

/**
 * How the reports' live streams run.
 *
 * @param max how many streams may be open at once, on this instance; more are refused with 503
 * @param heartbeat how long a stream may go without a word before it sends a heartbeat
 */
public record StreamSettings(int max, Duration heartbeat) {
  /** Checks the values. */
  public StreamSettings {
    if (max < 1) {
      throw new IllegalArgumentException("reports.streams.max is at least 1, not " + max);
    }
    if (heartbeat.isNegative() || heartbeat.isZero()) {
      throw new IllegalArgumentException("a heartbeat interval is positive, not " + heartbeat);
    }
  }
}
