package io.cairn.app.cli;

import io.cairn.app.Foundation;
import io.cairn.app.config.CairnConfig;
import io.cairn.app.config.ConfigException;
import io.cairn.app.contract.DeclaredContract;
import io.cairn.avro.contract.Contract;
import io.cairn.commerce.Commerce;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.engine.commands.rebuild.AggregatesRebuild;
import io.cairn.engine.mapping.BoundAggregate;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

/**
 * {@code cairn rebuild-aggregates [--key=value ...]}: with Cairn stopped, rebuilds the write side's
 * stores from the event log, with the same settings as {@code cairn run}, showing how far each
 * aggregate type's log has been read, then the figures.
 */
@Command(
    name = "rebuild-aggregates",
    description = {
      "With every instance of Cairn stopped, refold each aggregate from its event log into the"
          + " write side's stores, so that commands continue at the next version. Takes the same"
          + " settings as run; start Cairn again afterwards."
    },
    synopsisHeading = "%nUsage: ",
    customSynopsis = "cairn rebuild-aggregates [-h] [--key=value ...]",
    sortOptions = false)
public final class RebuildAggregatesCommand implements Callable<Integer> {
  /** The exit status of a rebuild that failed or could not begin. */
  public static final int FAILED = 1;

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Duration LINE_EVERY = Duration.ofSeconds(5);

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;

  @Mixin private HelpOption help;

  @Unmatched private List<String> settings = new ArrayList<>();

  /**
   * @param env the environment, whose CAIRN_ variables are settings as for run
   * @param terminal whether {@code out} is a terminal, where a line can be rewritten
   */
  public RebuildAggregatesCommand(
      Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  /** Runs the command with its settings, as {@code cairn rebuild-aggregates} would. */
  public int run(List<String> flags) {
    return Cli.executeAlone(this, flags, out, err);
  }

  @Override
  public Integer call() {
    CairnConfig config;
    try {
      config = CairnConfig.load(settings, env);
    } catch (ConfigException e) {
      err.println("Cairn cannot rebuild the aggregates: " + e.getMessage());
      return Cli.USAGE;
    }
    List<AggregateType<?, ?, ?>> types =
        Commerce.aggregateTypes(config.reactions().subscriptionMinInterval());
    Contract contract = Contract.load();
    DeclaredContract published = DeclaredContract.of(config);
    long began = System.nanoTime();
    try (Foundation foundation = Foundation.start(config, types, published, config.http().tls())) {
      AggregatesRebuild rebuild =
          new AggregatesRebuild(
              foundation.kafka(),
              foundation.admin(),
              foundation.topics(),
              config.topics(),
              config.processing().streams().stateDir(),
              TIMEOUT);
      ProgressLine line = new ProgressLine(out, terminal, LINE_EVERY);
      out.println("Rebuilding the write side's stores from the event log ...");
      List<AggregatesRebuild.Rebuilt> rebuilt =
          rebuild.run(BoundAggregate.all(types, contract), p -> line.show(progress(p)));
      line.finish();
      rebuilt.forEach(type -> out.println(figures(type)));
      out.printf(
          Locale.ROOT,
          "Rebuilt in %.1f s. Start Cairn again: commands continue at each aggregate's next"
              + " version.%n",
          (System.nanoTime() - began) / 1e9);
      return 0;
    } catch (RuntimeException e) {
      err.println("The rebuild failed: " + e.getMessage());
      return FAILED;
    }
  }

  static String progress(AggregatesRebuild.Progress progress) {
    return String.format(
        Locale.ROOT,
        "%s: %,d of %,d records (%d%%)",
        progress.type(),
        progress.done(),
        progress.total(),
        progress.total() == 0 ? 100 : progress.done() * 100 / progress.total());
  }

  static String figures(AggregatesRebuild.Rebuilt rebuilt) {
    return String.format(
        Locale.ROOT,
        "  %s: %,d aggregates from %,d events",
        rebuilt.type(),
        rebuilt.aggregates(),
        rebuilt.events());
  }
}
