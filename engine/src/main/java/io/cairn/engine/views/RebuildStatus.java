package io.cairn.engine.views;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a rebuild of the views stands, as {@code GET /api/v1/views/rebuild} shows it.
 *
 * @param state {@code idle} (none since start), {@code resetting}, {@code replaying}, {@code done}
 *     or {@code failed}
 * @param startedAt when the rebuild began, null when idle
 * @param finishedAt when it ended, null until then
 * @param resetSeconds how long the reset took, null until it ended
 * @param replaySeconds how long the replay has taken so far
 * @param recordsTotal the event log's records to replay: its offsets, transaction markers included
 * @param recordsDone the records the views have committed past
 * @param events the events folded so far
 * @param eventsPerSecond events folded per second of replay
 * @param secondsLeft the estimated time left, null when not known
 * @param error why it failed, null unless it did
 */
public record RebuildStatus(
    String state,
    Instant startedAt,
    Instant finishedAt,
    Double resetSeconds,
    double replaySeconds,
    long recordsTotal,
    long recordsDone,
    long events,
    long eventsPerSecond,
    Long secondsLeft,
    String error) {

  static RebuildStatus idle() {
    return new RebuildStatus("idle", null, null, null, 0, 0, 0, 0, 0, null, null);
  }

  static RebuildStatus resetting(Instant startedAt) {
    return new RebuildStatus("resetting", startedAt, null, null, 0, 0, 0, 0, 0, null, null);
  }

  /** Whether a rebuild is under way. */
  boolean running() {
    return state.equals("resetting") || state.equals("replaying");
  }

  /** The replay's figures after a look at its progress. */
  RebuildStatus replaying(
      Instant now,
      Duration reset,
      Duration replay,
      long total,
      long done,
      long events,
      boolean finished) {
    double seconds = replay.toMillis() / 1000.0;
    long perSecond = seconds > 0 ? Math.round(events / seconds) : 0;
    Long left = null;
    if (finished) {
      left = 0L;
    } else if (done > 0 && total > done) {
      left = Math.round(seconds * (total - done) / done);
    }
    return new RebuildStatus(
        finished ? "done" : "replaying",
        startedAt,
        finished ? now : null,
        reset.toMillis() / 1000.0,
        seconds,
        total,
        finished ? total : done,
        events,
        perSecond,
        left,
        null);
  }

  /** This rebuild, failed for the reason given. */
  RebuildStatus failed(Instant at, String reason) {
    return new RebuildStatus(
        "failed",
        startedAt,
        at,
        resetSeconds,
        replaySeconds,
        recordsTotal,
        recordsDone,
        events,
        eventsPerSecond,
        null,
        reason);
  }
}
