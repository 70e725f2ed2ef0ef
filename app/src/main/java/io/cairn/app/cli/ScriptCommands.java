package io.cairn.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The commands bin/cairn runs itself, with Maven or several JVMs, listed here so that {@code cairn
 * help} and {@code cairn <command> --help} describe every command in one place.
 */
public final class ScriptCommands {
  private ScriptCommands() {}

  /** Every one of them. */
  public static List<Object> all() {
    return List.of(new Test(), new Build(), new Cluster(), new Bench());
  }

  /** What each answers when started as the jar's command: they need bin/cairn. */
  abstract static class ThroughScript implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin HelpOption help;

    @Override
    public Integer call() {
      throw new ParameterException(
          spec.commandLine(),
          "'" + spec.name() + "' runs through bin/cairn: bin/cairn " + spec.name());
    }
  }

  @Command(
      name = "test",
      description =
          "Run the whole test suite, as CI does: mvn verify. Needs Maven and Debian's chromium and"
              + " chromium-driver. With --faults, the fault-injection suite instead (brokers"
              + " killed, networks cut), which CI runs after it.",
      synopsisHeading = "%nUsage: ")
  static final class Test extends ThroughScript {
    @Parameters(paramLabel = "MAVEN_ARG", description = "Passed to mvn verify, such as -pl core.")
    List<String> maven;
  }

  @Command(
      name = "build",
      description = "Build app/target/cairn.jar (bin/cairn does it by itself when it is stale).",
      synopsisHeading = "%nUsage: ")
  static final class Build extends ThroughScript {}

  @Command(
      name = "cluster",
      description =
          "Run N instances (default 3, at most 9) on one embedded broker, each with its own HTTP"
              + " port (8080, 8081, ...) and state directory; Ctrl-C stops them all.",
      synopsisHeading = "%nUsage: ")
  static final class Cluster extends ThroughScript {
    @Parameters(index = "0", arity = "0..1", paramLabel = "N", description = "How many instances.")
    Integer count;

    @Option(
        names = "--cluster.dir",
        paramLabel = "DIR",
        description = "Where their state and logs go (default data/cluster).")
    String dir;

    @Parameters(
        index = "1..*",
        paramLabel = "--key=value",
        description = "Settings of every instance, as for run.")
    List<String> settings;
  }

  @Command(
      name = "bench",
      description =
          "Benchmark a running app (start it with bin/cairn run). bin/cairn bench --help lists the"
              + " benchmark's keys; the README says what each measures.",
      synopsisHeading = "%nUsage: ")
  static final class Bench extends ThroughScript {
    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "BENCHMARK",
        description = "commands (the default), queries, replay, reactions or checkout.")
    String benchmark;

    @Parameters(index = "1..*", paramLabel = "--key=value", description = "The benchmark's keys.")
    List<String> settings;
  }
}
