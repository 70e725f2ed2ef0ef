package io.cairn.app;

import io.cairn.app.cli.Cli;
import io.cairn.app.config.CairnConfig;
import io.cairn.app.config.ConfigException;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jar's entry point: runs the command {@link Cli} parses, and owns the life of {@code cairn
 * run}, from its configuration to the shutdown hook that stops it on SIGTERM or Ctrl-C.
 */
public final class Main {
  /** Exit status of a configuration or usage mistake. */
  static final int USAGE = Cli.USAGE;

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
    // bin/cairn says whether the output is a terminal, which Java 21 cannot tell reliably.
    boolean terminal = Boolean.getBoolean("cairn.terminal");
    return Cli.commandLine(settings -> runApp(settings, env), env, out, err, terminal)
        .execute(args.length == 0 ? new String[] {"help"} : args);
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
}
