package io.cairn.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * Finds the highest rate at which an operation still meets its bound: it runs the operation at
 * rising rates (each after a short warm-up, measured open-loop) and stops at the first that does
 * not hold in two tries. The rungs rise by half and by a third in turn (1, 1.5, 2, 3, 4, 6, 8 ...
 * times the first), few enough to climb in minutes; then the gap between the highest rung that held
 * and the first that did not is halved twice, so that the rate found is within a tenth or so.
 */
final class RateLadder {
  private static final Duration WARMUP = Duration.ofSeconds(5);
  private static final int REFINEMENTS = 2;

  /** Whether a rung held; it may wait for what the operation set off, such as a saga. */
  @FunctionalInterface
  interface Bound {
    boolean heldBy(int rate, OpenLoop.Result result) throws Exception;
  }

  /** Readies the system before a rung, such as waiting until the views are idle again. */
  @FunctionalInterface
  interface Settle {
    void before() throws Exception;
  }

  /** A rung climbed. */
  record Rung(int rate, OpenLoop.Result result, boolean held) {}

  /** The rungs climbed, the last the first that did not hold unless the ladder ran out. */
  record Climb(List<Rung> rungs) {
    /** The highest rung that held. */
    Optional<Rung> highest() {
      return rungs.stream().filter(Rung::held).reduce((lower, higher) -> higher);
    }

    /** The highest rate that held, or 0. */
    int rate() {
      return highest().map(Rung::rate).orElse(0);
    }
  }

  private RateLadder() {}

  /**
   * The rates from {@code first} up to {@code most}, each a half or a third above the one before.
   */
  static List<Integer> rates(int first, int most) {
    List<Integer> rates = new ArrayList<>();
    double rate = first;
    for (int rung = 0; Math.round(rate) <= most; rung++) {
      rates.add((int) Math.round(rate));
      rate *= rung % 2 == 0 ? 1.5 : 4.0 / 3;
    }
    return List.copyOf(rates);
  }

  /** Climbs the rates, printing a line per rung. */
  static Climb climb(
      String what,
      List<Integer> rates,
      Duration step,
      LongFunction<CompletableFuture<Boolean>> operation,
      Settle settle,
      Bound bound)
      throws Exception {
    Course course = new Course(what, step, operation, settle, bound);
    List<Rung> rungs = new ArrayList<>();
    for (int rate : rates) {
      Rung rung = course.rung(rate);
      rungs.add(rung);
      if (!rung.held()) {
        break;
      }
    }
    // Between the highest rung that held and the first that did not, halve the gap twice.
    for (int refinement = 0; refinement < REFINEMENTS; refinement++) {
      Climb climb = new Climb(rungs);
      int below = climb.rate();
      Optional<Integer> above =
          rungs.stream().filter(r -> !r.held() && r.rate() > below).map(Rung::rate).findFirst();
      if (above.isEmpty() || (above.get() - below) < 2) {
        break;
      }
      int middle = (below + above.get()) / 2;
      rungs.add(course.rung(middle));
      rungs.sort(Comparator.comparingInt(Rung::rate));
    }
    return new Climb(List.copyOf(rungs));
  }

  /** A try of a rung. */
  @FunctionalInterface
  interface Attempt {
    Rung run() throws Exception;
  }

  /** The first try if it held, else a second. */
  static Rung heldInTwoTries(Attempt attempt) throws Exception {
    Rung first = attempt.run();
    return first.held() ? first : attempt.run();
  }

  /** What a climb runs at each rate, and how it settles and judges each try. */
  private record Course(
      String what,
      Duration step,
      LongFunction<CompletableFuture<Boolean>> operation,
      Settle settle,
      Bound bound) {

    /**
     * One rung, tried once more if it did not hold: one pause of the machine (a collection, the
     * host taking the core) can fail a rate that holds, and ending the climb there would report the
     * pause rather than the rate.
     */
    Rung rung(int rate) throws Exception {
      return heldInTwoTries(() -> attempt(rate));
    }

    /**
     * A try: a warm-up, then the measured run, whose operations are numbered on from the warm-up's
     * so that no two of a try act on the same numbered thing, such as a cart checked out; the
     * settling before each try lets the caller number its things apart from the other tries'.
     */
    Rung attempt(int rate) throws Exception {
      settle.before();
      OpenLoop.run(rate, WARMUP, operation);
      long warmedUp = WARMUP.toSeconds() * rate;
      OpenLoop.Result result = OpenLoop.run(rate, step, i -> operation.apply(warmedUp + i));
      boolean held = bound.heldBy(rate, result);
      System.out.printf(
          "  %s at %d/s: %d done (%.0f/s), %d failed; ms: %s; %s%n",
          what,
          rate,
          result.completed(),
          result.throughput(),
          result.failed(),
          result.percentiles(),
          held ? "held" : "did not hold");
      return new Rung(rate, result, held);
    }
  }
}
