package io.cairn.engine.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches that the views and process managers keep up with the event log, as the food-ordering
 * system asks of its view synchronisation: every few seconds it reads each one, and one that has
 * stopped, or trails the log by more than the alert threshold, is an alert, logged once at WARN
 * when it starts and once at INFO when it ends, and shown by {@link #alerts()} and the metrics.
 *
 * <p>How far one trails is measured while records wait for it: the time since it last took one in
 * (or since records began waiting, if later), or the wait of the last one it took in, whichever is
 * longer. With nothing waiting it is in sync, however late its last record was.
 */
public final class SyncMonitor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SyncMonitor.class);
  private final List<SyncProbe> probes;
  private final Duration threshold;
  private final Clock clock;
  private final Map<String, Instant> pendingSince = new HashMap<>();
  private final Map<String, Duration> lags = new ConcurrentHashMap<>();
  private final Map<String, SyncAlert> alerts = new ConcurrentHashMap<>();
  private final SyncMetrics metrics = new SyncMetrics(this);
  private ScheduledExecutorService schedule;

  /**
   * @param probes what reads the views and process managers
   * @param threshold how far behind the log one may be before it is an alert
   * @param clock the clock lags are measured on
   */
  public SyncMonitor(List<SyncProbe> probes, Duration threshold, Clock clock) {
    if (threshold.isNegative() || threshold.isZero()) {
      throw new IllegalArgumentException("the alert threshold is positive, not " + threshold);
    }
    this.probes = List.copyOf(probes);
    this.threshold = threshold;
    this.clock = clock;
  }

  /**
   * A monitor that checks at the given interval until closed. Each check reads the Streams
   * applications' metrics, some 10 ms of CPU, so a check every second costs an idle app about 1% of
   * a core.
   */
  public static SyncMonitor start(
      List<SyncProbe> probes, Duration threshold, Duration every, Clock clock) {
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("the check interval is positive, not " + every);
    }
    SyncMonitor monitor = new SyncMonitor(probes, threshold, clock);
    monitor.schedule =
        Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("cairn-sync-monitor").unstarted(task));
    monitor.schedule.scheduleWithFixedDelay(
        monitor::checkSafely, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return monitor;
  }

  /** The alerts under way, by key. */
  public List<SyncAlert> alerts() {
    return alerts.values().stream().sorted(Comparator.comparing(SyncAlert::key)).toList();
  }

  /** How far behind each watched view and process manager was at the latest check, by key. */
  public Map<String, Duration> lags() {
    return Map.copyOf(lags);
  }

  /** Whether one is in alert now. */
  boolean alerting(String key) {
    return alerts.containsKey(key);
  }

  /** Reads every view and process manager once and starts or ends their alerts. */
  synchronized void check() {
    Instant now = clock.instant();
    List<SyncReading> readings = new ArrayList<>();
    probes.forEach(probe -> readings.addAll(probe.read()));
    for (SyncReading reading : readings) {
      Duration lag = lag(reading, now);
      lags.put(reading.key(), lag);
      metrics.watch(reading);
      boolean out = reading.stopped() != null || lag.compareTo(threshold) > 0;
      SyncAlert before = alerts.get(reading.key());
      if (out) {
        Instant since = before == null ? now : before.since();
        alerts.put(reading.key(), new SyncAlert(reading.key(), since, lag, reading.stopped()));
        if (before == null) {
          log.warn(
              "{} {} is {}{}",
              reading.kind(),
              reading.name(),
              alerts.get(reading.key()).describe(),
              reading.stopped() == null ? " (views.lag.alert=" + threshold + ")" : "");
        }
      } else if (before != null) {
        alerts.remove(reading.key());
        log.info(
            "{} {} is in sync again after {} s",
            reading.kind(),
            reading.name(),
            Duration.between(before.since(), now).toSeconds());
      }
    }
  }

  private Duration lag(SyncReading reading, Instant now) {
    if (reading.stopped() != null || !reading.pending()) {
      pendingSince.remove(reading.key());
      return Duration.ZERO;
    }
    Instant since = pendingSince.computeIfAbsent(reading.key(), key -> now);
    Instant progress = reading.lastProgress();
    boolean progressedSince = progress != null && !progress.isBefore(since);
    Duration stalled = Duration.between(progressedSince ? progress : since, now);
    return progressedSince && reading.lastLag().compareTo(stalled) > 0
        ? reading.lastLag()
        : stalled;
  }

  private void checkSafely() {
    try {
      check();
    } catch (RuntimeException e) {
      // The next check may succeed: a Streams instance being replaced by a rebuild, say.
      log.warn("Checking the views' and processes' sync failed; trying again shortly", e);
    }
  }

  @Override
  public void close() {
    if (schedule != null) {
      schedule.shutdownNow();
    }
    metrics.close();
  }
}
