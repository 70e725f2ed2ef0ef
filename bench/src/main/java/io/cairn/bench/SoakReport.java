package io.cairn.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The soak's report: for each fault, the p99 of commands and queries in a window (a fifth of the
 * time between faults) before it, while it lasted (a window at least) and in a window after it, how
 * long until it was mended and until commands were acknowledged promptly again, and what clients
 * were told meanwhile; then the totals and the verdict.
 */
final class SoakReport {
  private final SoakSettings settings;
  private final SoakTimeline timeline;
  private final int rate;
  private final Duration start;
  private final Duration end;
  private final List<SoakBench.Injection> injections;
  private boolean allRecovered = true;

  SoakReport(
      SoakSettings settings,
      SoakTimeline timeline,
      int rate,
      Duration start,
      Duration end,
      List<SoakBench.Injection> injections) {
    this.settings = settings;
    this.timeline = timeline;
    this.rate = rate;
    this.start = start;
    this.end = end;
    this.injections = injections;
  }

  /** Prints each fault's figures. */
  void faults() {
    System.out.printf(
        "%nFaults (latency from each request's scheduled start; \"prompt again\": from the fault"
            + " until the first %d s in a row whose commands were all acknowledged within %d"
            + " ms):%n",
        SoakBench.PROMPT_STREAK.toSeconds(), SoakBench.PROMPT.toMillis());
    Duration window = settings.window();
    for (SoakBench.Injection injection : injections) {
      Duration at = injection.at();
      Duration next = at.plus(settings.faultEvery());
      Duration prompt = timeline.recovered(at, next, SoakBench.PROMPT, SoakBench.PROMPT_STREAK);
      allRecovered &= at.plus(prompt).compareTo(next.minus(window)) < 0;
      Duration during = at.plus(max(prompt, window));
      Duration after = max(during, at.plus(window.multipliedBy(2)));
      System.out.printf(
          "%s fault %d, %s: whole again after %.1f s, prompt again after %.1f s%n",
          SoakBench.clock(at),
          injection.n() + 1,
          injection.fault().describe(injection.n()),
          SoakBench.secs(injection.down()),
          SoakBench.secs(prompt));
      System.out.printf(
          "    commands: before %s | during %s | after %s%n",
          timeline.commands(at.minus(window), at),
          timeline.commands(at, during),
          timeline.commands(after, after.plus(window)));
      System.out.printf(
          "    queries:  before %s | during %s | after %s%n",
          timeline.queries(at.minus(window), at),
          timeline.queries(at, during),
          timeline.queries(after, after.plus(window)));
      System.out.printf("    told meanwhile: %s%n", told(timeline.toldBetween(at, during)));
    }
  }

  /** Prints the totals and the verdict; true when it passed. */
  boolean totals(
      SoakAudit audit,
      CarefulClient careful,
      SoakLoad load,
      Confirmations confirmations,
      SoakStreams streams) {
    System.out.printf(
        "%nTotals over the soak's %s at %d ticks/s (and the probe before it):%n",
        SoakBench.minutes(settings.duration()), rate);
    System.out.printf(
        "  commands: acknowledged %,d; lost %d, duplicated %d, misplaced %d, in the log but never"
            + " acknowledged %d (audited from cairn.carts.events over %,d carts)%n",
        audit.acknowledged(),
        audit.lost(),
        audit.duplicated(),
        audit.misplaced(),
        audit.unacknowledged(),
        audit.carts());
    System.out.printf("  commands over the whole soak: %s%n", timeline.commands(start, end));
    System.out.printf("  queries over the whole soak: %s%n", timeline.queries(start, end));
    System.out.printf(
        "  views: %d of %,d carts differ from the fold of their events%n",
        audit.viewsWrong(), audit.carts());
    System.out.printf(
        "  checkouts: %,d, confirmed %,d, cancelled %,d, unsettled %d; CheckOut sent to"
            + " OrderConfirmed heard: %s%n",
        load.checkouts(),
        confirmations.confirmed(),
        confirmations.cancelled(),
        confirmations.outstanding(),
        confirmations.percentiles());
    System.out.printf(
        "  report streams: %,d windows heard, opened again %d times%n",
        streams.windows(), streams.reopened());
    System.out.printf(
        "  wrong answers: %d%s%n",
        careful.wrongAnswers(),
        careful.someWrongAnswers().stream().map(w -> "\n    " + w).collect(Collectors.joining()));
    audit.examples().forEach(example -> System.out.println("  found: " + example));
    boolean passed =
        audit.clean()
            && careful.wrongAnswers() == 0
            && confirmations.outstanding() == 0
            && allRecovered;
    System.out.printf("verdict: %s%n", passed ? "PASSED" : "FAILED");
    return passed;
  }

  private static String told(Map<String, Long> told) {
    return told.isEmpty()
        ? "nothing but success"
        : told.entrySet().stream()
            .map(e -> e.getKey() + " x" + e.getValue())
            .collect(Collectors.joining(", "));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
