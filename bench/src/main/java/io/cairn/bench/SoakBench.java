package io.cairn.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code bin/cairn bench soak --duration=30m}: Cairn under a steady mixed load for a long while,
 * with a fault injected every few minutes. It starts its own Cairn ({@link SoakCluster}: {@code
 * bin/cairn run} on three broker nodes), measures the capacity of the mixed load ({@link SoakLoad})
 * unless given a rate, runs at half of it with live report streams open, kills a broker node, the
 * app, or the app's state in turn ({@link SoakFault}), and at the end audits the event log against
 * every acknowledgement ({@link SoakAudit}). It prints, per fault, the p99 before, during and after
 * it and how soon commands were acknowledged promptly again, then the totals; its exit status is 1
 * when anything was lost, duplicated, misplaced or wrongly answered.
 */
final class SoakBench {
  private static final int[] PROBE_RATES = {25, 50, 100, 200, 400, 800, 1600, 3200};
  private static final Duration PROBE_STEP = Duration.ofSeconds(20);
  private static final Duration PROBE_WARMUP = Duration.ofSeconds(5);

  /** A fresh app answers its first commands in seconds (JIT, first transactions, new carts). */
  private static final Duration COLD_START = Duration.ofSeconds(60);

  /** A backlog that grows through a step pushes the p99 past this well within it. */
  private static final Duration PROBE_P99 = Duration.ofSeconds(1);

  /** Commands are acknowledged promptly again when, for PROMPT_STREAK, all are within this. */
  static final Duration PROMPT = Duration.ofSeconds(1);

  static final Duration PROMPT_STREAK = Duration.ofSeconds(10);
  private static final Duration SETTLE = Duration.ofMinutes(3);

  /** A fault as injected: which, when (from the soak's start), and how long until it was mended. */
  record Injection(int n, SoakFault fault, Duration at, Duration down) {}

  private SoakBench() {}

  /** Runs the soak and prints its report; false when the verdict is a failure. */
  static boolean run(SoakSettings settings) throws Exception {
    Bench.header("soak");
    System.out.printf(
        "%s of mixed load, a fault every %s; Cairn from %s/bin/cairn run on %d broker nodes, data"
            + " and log in %s%n",
        minutes(settings.duration()),
        minutes(settings.faultEvery()),
        settings.home(),
        SoakCluster.NODES,
        settings.dir());
    HttpClient http = Http.client();
    try (SoakCluster cluster = SoakCluster.start(settings)) {
      SoakTimeline timeline = new SoakTimeline(System.nanoTime());
      CarefulClient careful = new CarefulClient(http, cluster.api(), timeline);
      SoakLoad.Target target =
          new SoakLoad.Target(
              cluster.api(), UUID.randomUUID().toString().substring(0, 6), settings.carts());
      try (Confirmations confirmations = new Confirmations(cluster.bootstrap());
          SoakStreams streams = new SoakStreams(http, cluster.api(), timeline);
          SoakLoad load = new SoakLoad(target, careful, http, timeline, confirmations)) {
        load.stock();
        int rate = settings.rate().orElseGet(() -> probe(cluster, load, timeline, http) / 2);
        Duration start = timeline.now();
        System.out.printf(
            "%s soak at %d ticks/s: %d AddItem/s over %d carts, %d cart queries/s, a checkout"
                + " every %d ticks, %d report streams%n",
            clock(start),
            rate,
            rate,
            settings.carts(),
            rate,
            SoakLoad.CHECKOUT_EVERY,
            SoakStreams.REPORTS.size());
        load.rate(rate);
        List<Injection> injections = injectFaults(settings, cluster, timeline, start);
        sleepUntil(timeline, start.plus(settings.duration()));
        load.rate(0);
        Duration end = timeline.now();
        load.close();
        settle(confirmations);
        ViewsIdle.await(cluster.api(), http);
        SoakAudit audit =
            SoakAudit.of(
                SoakLog.read(cluster.bootstrap(), cluster.registry(), http, target.cartPrefix()),
                load.added(),
                cluster.api(),
                http);
        SoakReport report = new SoakReport(settings, timeline, rate, start, end, injections);
        report.faults();
        return report.totals(audit, careful, load, confirmations, streams);
      }
    }
  }

  /**
   * The highest rate of the mixed load it sustains: every command of a step acknowledged by its
   * end, at a p99 under a second (with three brokers on two cores the p99 is some hundreds of
   * milliseconds at any rate, so a tighter bound measures the machine, not a backlog).
   */
  private static int probe(
      SoakCluster cluster, SoakLoad load, SoakTimeline timeline, HttpClient http) {
    int capacity = PROBE_RATES[0];
    Duration warm = timeline.now().plus(COLD_START);
    load.rate(PROBE_RATES[0]);
    sleepUntil(timeline, warm);
    System.out.printf(
        "%s warmed up at %d ticks/s for %d s: %s%n",
        clock(warm),
        PROBE_RATES[0],
        COLD_START.toSeconds(),
        timeline.commands(warm.minus(COLD_START), warm));
    for (int rate : PROBE_RATES) {
      Duration from = timeline.now().plus(PROBE_WARMUP);
      load.rate(rate);
      sleepUntil(timeline, from.plus(PROBE_STEP).minus(PROBE_WARMUP));
      Duration to = timeline.now();
      load.rate(0);
      long expected = rate * (to.toSeconds() - from.toSeconds());
      sleepUntil(timeline, to.plusSeconds(10));
      SoakTimeline.Window window = timeline.commands(from, to);
      boolean sustained =
          window.count() >= expected * 98 / 100 && window.p99() <= PROBE_P99.toMillis();
      System.out.printf(
          "%s probe %,d ticks/s: %,d of %,d commands back in time, %s: %s%n",
          clock(from),
          rate,
          window.count(),
          expected,
          window,
          sustained ? "sustained" : "not sustained");
      try {
        ViewsIdle.await(cluster.api(), http);
      } catch (Exception e) {
        throw new IllegalStateException("the views did not catch up after the probe", e);
      }
      if (!sustained) {
        break;
      }
      capacity = rate;
    }
    System.out.printf("capacity of the mixed load: %,d ticks/s; the soak runs at half%n", capacity);
    return Math.max(1, capacity);
  }

  private static List<Injection> injectFaults(
      SoakSettings settings, SoakCluster cluster, SoakTimeline timeline, Duration start)
      throws Exception {
    List<Injection> injections = new ArrayList<>();
    Duration end = start.plus(settings.duration());
    for (int n = 0; ; n++) {
      Duration at = start.plus(settings.faultEvery().multipliedBy(n + 1));
      // Each fault is measured for three windows after it: the last must fit in the soak.
      if (at.plus(settings.window().multipliedBy(3)).compareTo(end) > 0) {
        return injections;
      }
      sleepUntil(timeline, at);
      SoakFault fault = SoakFault.nth(n);
      Duration injected = timeline.now();
      System.out.printf("%s fault %d: %s%n", clock(injected), n + 1, fault.describe(n));
      Duration down = fault.inject(cluster, n);
      System.out.printf("%s   whole again after %.1f s%n", clock(timeline.now()), secs(down));
      injections.add(new Injection(n, fault, injected, down));
    }
  }

  /** Waits until every checkout is confirmed or cancelled, or the patience runs out. */
  private static void settle(Confirmations confirmations) {
    long until = System.nanoTime() + SETTLE.toNanos();
    while (confirmations.outstanding() > 0 && System.nanoTime() < until) {
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
  }

  private static void sleepUntil(SoakTimeline timeline, Duration at) {
    Duration left;
    while ((left = at.minus(timeline.now())).isPositive()) {
      LockSupport.parkNanos(left.toNanos());
    }
  }

  static String clock(Duration at) {
    return "%d:%02d".formatted(at.toMinutes(), at.toSecondsPart());
  }

  static String minutes(Duration duration) {
    return duration.toSecondsPart() == 0
        ? duration.toMinutes() + " min"
        : duration.toSeconds() + " s";
  }

  static double secs(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
