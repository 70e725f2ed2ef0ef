package io.cairn.app.cli;

import io.cairn.app.config.CairnConfig;
import io.cairn.app.config.Settings;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Cairn's command line, {@code cairn <command> [options]}, through picocli: every command with its
 * options in one table, the same help for each ({@code cairn help <command>}, {@code cairn
 * <command> --help}), and a usage message with exit status 2 for an unknown command or option.
 */
public final class Cli {
  /** The exit status of a usage mistake. */
  public static final int USAGE = CommandLine.ExitCode.USAGE;

  private static final int HELP_WIDTH = 100;

  private Cli() {}

  /** The top command: it only names the others. */
  @Command(
      name = "cairn",
      description = "CQRS and event sourcing on Apache Kafka.",
      synopsisHeading = "%nUsage: ",
      synopsisSubcommandLabel = "COMMAND",
      commandListHeading = "%nCommands:%n",
      footer = {
        "",
        "bin/cairn runs each, building the jar when it is stale; cairn help COMMAND, or"
            + " cairn COMMAND --help, shows a command's options."
      })
  static final class Cairn implements Runnable {
    @Spec CommandSpec spec;

    @Mixin HelpOption help;

    @Override
    public void run() {
      throw new ParameterException(spec.commandLine(), "Name a command.");
    }
  }

  /**
   * Every command, ready to run.
   *
   * @param app runs the app with the settings of {@code cairn run}; answers its exit status
   * @param env the environment, whose CAIRN_ variables are settings
   * @param terminal whether the output is a terminal, where the rebuilds rewrite their lines
   */
  public static CommandLine commandLine(
      ToIntFunction<List<String>> app,
      Map<String, String> env,
      PrintStream out,
      PrintStream err,
      boolean terminal) {
    CommandLine run = new CommandLine(new RunCommand(app));
    run.getCommandSpec().usageMessage().footer(configurationKeys());
    CommandLine cli =
        new CommandLine(new Cairn())
            .addSubcommand(run)
            .addSubcommand(new RebuildViewsCommand(out, err, terminal))
            .addSubcommand(new RebuildAggregatesCommand(env, out, err, terminal))
            .addSubcommand(new InboxCommand(out, err))
            .addSubcommand(new ContractCommand(env, out, err))
            .addSubcommand(new TokenCommand(env, out, err, Clock.systemUTC()))
            .addSubcommand(new AclsCommand(env, out, err))
            .addSubcommand(SchemasCommand.line(env, out, err));
    ScriptCommands.all().forEach(cli::addSubcommand);
    cli.addSubcommand(new HelpCommand());
    return configured(cli, out, err);
  }

  /** Runs one command as {@code cairn <command> <args>} would, for tests and for callers of one. */
  static int executeAlone(Object command, List<String> args, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new Cairn()).addSubcommand(command);
    List<String> line = new ArrayList<>(cli.getSubcommands().keySet());
    line.addAll(args);
    return configured(cli, out, err).execute(line.toArray(String[]::new));
  }

  private static CommandLine configured(CommandLine cli, PrintStream out, PrintStream err) {
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cli.setUsageHelpWidth(HELP_WIDTH);
    cli.setParameterExceptionHandler(Cli::usageMistake);
    return cli;
  }

  /** The mistake, what the user may have meant, and the usage of the command it was made in. */
  private static int usageMistake(ParameterException mistake, String[] args) {
    CommandLine command = mistake.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(mistake.getMessage());
    UnmatchedArgumentException.printSuggestions(mistake, err);
    command.usage(err);
    return USAGE;
  }

  /** The footer of run's help: where settings come from, and every key. */
  private static String[] configurationKeys() {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(
        "Settings come from, each overriding the one before: defaults, a properties file (--config"
            + " FILE or CAIRN_CONFIG), environment variables (CAIRN_HTTP_PORT sets http.port;"
            + " KAFKA_BOOTSTRAP_SERVERS sets kafka.bootstrap.servers; SCHEMA_REGISTRY_URL sets"
            + " registry.url), then flags (--http.port=8080).");
    lines.add("");
    lines.add("Keys:");
    for (Settings.KeyDoc doc : CairnConfig.documentation()) {
      String shownDefault =
          doc.defaultValue().isEmpty() ? "" : " (default " + doc.defaultValue() + ")";
      lines.add("  " + literal(doc.key() + shownDefault));
      lines.add("      " + literal(doc.description()));
    }
    return lines.toArray(String[]::new);
  }

  /** Text picocli prints as it is: it reads the help's lines as format strings. */
  private static String literal(String text) {
    return text.replace("%", "%%");
  }
}
