package io.cairn.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bin/cairn bench [commands|queries|replay|reactions|checkout] [--key=value ...]}: one
 * benchmark of a running Cairn, over its public HTTP and Kafka contract only, each beside a
 * baseline measured in the same run.
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
      default -> usage("unknown benchmark '" + which + "'");
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
            + " queries, replay, reactions or checkout; the keys:");
    BenchSettings.FLAGS.forEach(flag -> to.println("  " + flag));
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
