package io.cairn.bench;

import java.util.List;

/**
 * One row of the efficiency report: a target, what this run measured for it, the baseline measured
 * beside it and whether it was met.
 */
record EfficiencyTarget(
    String what, String figure, String baseline, String ratio, String goal, boolean met) {

  /** Prints the rows as a Markdown table, ready for the README. */
  static void print(List<EfficiencyTarget> targets) {
    System.out.println();
    System.out.println("| target | figure | same-run baseline | ratio | goal | met |");
    System.out.println("|---|---|---|---|---|---|");
    for (EfficiencyTarget target : targets) {
      System.out.printf(
          "| %s | %s | %s | %s | %s | %s |%n",
          target.what,
          target.figure,
          target.baseline,
          target.ratio,
          target.goal,
          target.met ? "yes" : "no");
    }
  }
}
