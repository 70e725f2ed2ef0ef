package io.cairn.app;

import io.cairn.app.cli.InboxCommand;
import io.cairn.app.cli.RebuildViewsCommand;
import io.cairn.app.config.CairnConfig;
import io.cairn.app.config.ConfigException;
import io.cairn.app.config.Settings;
import io.cairn.app.logging.LogFormat;
import io.cairn.avro.registry.SchemaRegistryException;
import io.cairn.engine.mapping.MappingException;
import io.cairn.kafka.client.KafkaOperationException;
import io.cairn.kafka.embedded.BrokerStartException;
import io.cairn.kafka.topics.ContractSchemas;
import io.cairn.kafka.topics.TopicMismatchException;
import io.cairn.registry.RegistryError;
import io.javalin.util.JavalinBindException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line: {@code cairn run [--key=value ...]} starts everything in one process and runs
 * until SIGTERM or Ctrl-C; {@code cairn rebuild-views} rebuilds a running app's views; {@code cairn
 * help} lists every configuration key.
 */
public final class Main {
  /** Exit status of a configuration or usage mistake. */
  static final int USAGE = 2;

  /** Exit status of a start-up that failed for another reason. */
  static final int FAILED = 1;

  /** Failures whose message says all there is to say: no stack trace for them. */
  private static final Set<Class<?>> EXPLAINED_FAILURES =
      Set.of(
          BrokerStartException.class,
          TopicMismatchException.class,
          KafkaOperationException.class,
          ContractSchemas.ContractException.class,
          MappingException.class,
          SchemaRegistryException.class,
          RegistryError.class,
          JavalinBindException.class);

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private final PrintStream out;
  private final PrintStream err;

  Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs the command the arguments name; exits only when it has finished or failed. */
  public static void main(String[] args) {
    System.exit(new Main(System.out, System.err).run(args, System.getenv()));
  }

  int run(String[] args, Map<String, String> env) {
    String command = args.length == 0 ? "help" : args[0];
    List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
    return switch (command) {
      case "run" -> runApp(rest, env);
      case "rebuild-views" ->
          // bin/cairn says whether the output is a terminal, which Java 21 cannot tell reliably.
          new RebuildViewsCommand(out, err, Boolean.getBoolean("cairn.terminal")).run(rest);
      case "inbox" -> new InboxCommand(out, err).run(rest);
      case "help", "--help", "-h" -> help();
      default -> {
        err.println("Unknown command '" + command + "'.");
        help();
        yield USAGE;
      }
    };
  }

  private int runApp(List<String> flags, Map<String, String> env) {
    CairnConfig config;
    try {
      config = CairnConfig.load(flags, env);
    } catch (ConfigException e) {
      err.println("Cairn cannot start: " + e.getMessage());
      return USAGE;
    }
    config.logFormat().apply();
    CairnApp app;
    try {
      app = CairnApp.start(config);
    } catch (RuntimeException e) {
      if (!EXPLAINED_FAILURES.contains(e.getClass())) {
        log.error("Start-up failed unexpectedly", e); // the stack trace belongs in the log
      }
      err.println("Cairn cannot start: " + e.getMessage());
      return FAILED;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // In JSON, every line of the output is a log object, for a shipper to read.
    boolean console = config.logFormat() == LogFormat.TEXT;
    Consumer<String> say = console ? out::println : log::info;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  say.accept("Stopping Cairn...");
                  app.close();
                  say.accept("Cairn stopped.");
                  stopped.countDown();
                },
                "cairn-shutdown"));
    new StartupBanner(console, say).print(app);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private int help() {
    out.println(
        """
        Usage: cairn <command> [--key=value ...]

        Commands:
          run    Start Cairn: the embedded Kafka broker (unless kafka.bootstrap.servers is set),
                 the embedded schema registry (unless registry.url is set) and every role, in
                 one process. Stops cleanly on Ctrl-C or SIGTERM.
          rebuild-views [--url=http://127.0.0.1:8080]
                 Ask a running Cairn to rebuild its views from the whole event log, and show the
                 replay's progress and figures. Commands go on meanwhile; queries answer 503
                 views_rebuilding until the views have caught up.
          inbox <source> <type> '<data>' [--key=K] [--id=ID] [--bootstrap=127.0.0.1:9092]
                 Send one CloudEvent to cairn.inbox.<source>, as another service would: the
                 given type and JSON data, a fresh id unless one is named.
          help   Show this text.

        Settings come from, each overriding the one before: defaults, a properties file
        (--config FILE or CAIRN_CONFIG), environment variables (CAIRN_HTTP_PORT sets http.port;
        KAFKA_BOOTSTRAP_SERVERS sets kafka.bootstrap.servers; SCHEMA_REGISTRY_URL sets
        registry.url), then flags (--http.port=8080).

        Keys:""");
    for (Settings.KeyDoc doc : CairnConfig.documentation()) {
      String shownDefault =
          doc.defaultValue().isEmpty() ? "" : " (default " + doc.defaultValue() + ")";
      out.println("  " + doc.key() + shownDefault);
      out.println("      " + doc.description());
    }
    return 0;
  }
}
