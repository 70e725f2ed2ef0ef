package io.cairn.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bin/cairn bench [commands|queries|replay|reactions|checkout|idle|efficiency|soak]
 * [--key=value ...]}: one benchmark of a running Cairn, over its public HTTP and Kafka contract
 * only, each beside a baseline measured in the same run.
 */
public final class Bench {
  private Bench() {}

  /** Runs the benchmark the arguments name and prints its report. */
  public static void main(String[] args) throws Exception {
    List<String> rest = Arrays.asList(args);
    if (rest.contains("--help") || rest.contains("-h")) {
      printUsage(System.out);
      return;
    }
    String which = "commands";
    if (!rest.isEmpty() && !rest.getFirst().startsWith("--")) {
      which = rest.getFirst();
      rest = rest.subList(1, rest.size());
    }
    if (which.equals("soak")) {
      soak(rest);
      return;
    }
    BenchSettings settings;
    try {
      settings = BenchSettings.parse(rest);
    } catch (IllegalArgumentException e) {
      usage(e.getMessage());
      return;
    }
    if (!which.equals("commands") && settings.rates().size() > 1) {
      usage("--rate takes a list of rates for the command benchmark only");
      return;
    }
    switch (which) {
      case "commands" -> CommandBench.run(settings);
      case "queries" -> QueryBench.run(settings);
      case "replay" -> ReplayBench.run(settings);
      case "reactions" -> ReactionBench.run(settings);
      case "checkout" -> CheckoutBench.run(settings);
      case "idle" -> IdleBench.run(settings);
      case "efficiency" -> EfficiencyBench.run(settings);
      default -> usage("unknown benchmark '" + which + "'");
    }
  }

  /** The soak starts its own Cairn, from the checkout {@code bin/cairn} names. */
  private static void soak(List<String> args) throws Exception {
    String home = System.getProperty("cairn.home");
    if (home == null) {
      usage("the soak runs from bin/cairn bench soak, which says where Cairn's checkout is");
      return;
    }
    SoakSettings settings;
    try {
      settings = SoakSettings.parse(Path.of(home), args);
    } catch (IllegalArgumentException e) {
      usage(e.getMessage());
      return;
    }
    if (!SoakBench.run(settings)) {
      System.exit(1);
    }
  }

  private static void usage(String problem) {
    System.err.println("bench: " + problem);
    printUsage(System.err);
    System.exit(2);
  }

  private static void printUsage(PrintStream to) {
    to.println();
    to.println(
        "Usage: cairn bench [BENCHMARK] [--key=value ...]: BENCHMARK is commands (the default),"
            + " queries, replay, reactions, checkout, idle, efficiency or soak; the keys:");
    BenchSettings.FLAGS.forEach(flag -> to.println("  " + flag));
    to.println("The soak starts a Cairn of its own (bin/cairn run, three broker nodes); its keys:");
    SoakSettings.FLAGS.forEach(flag -> to.println("  " + flag));
  }

  /** Prints the report's first lines: what runs, when, on which machine. */
  static void header(String title) {
    System.out.printf("Cairn %s benchmark, %s%n", title, Instant.now());
    System.out.printf(
        "machine: %d cores of %s, %s %s, JVM %s%n",
        Runtime.getRuntime().availableProcessors(),
        MachineLoad.processor(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        Runtime.version());
  }
}
