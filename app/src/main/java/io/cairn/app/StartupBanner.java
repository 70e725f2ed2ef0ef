package io.cairn.app;

import java.util.List;
import java.util.function.Consumer;

/**
 * Tells the person who ran `cairn run` where everything is: a few lines at the console, or one log
 * line when the log is JSON.
 */
final class StartupBanner {
  private final boolean console;
  private final Consumer<String> out;

  /**
   * @param console whether the banner has the console to itself, or is one line among the log's
   * @param out where its lines go
   */
  StartupBanner(boolean console, Consumer<String> out) {
    this.console = console;
    this.out = out;
  }

  void print(CairnApp app) {
    List<String> lines = lines(app);
    if (console) {
      out.accept("");
      lines.forEach(out);
      out.accept("Press Ctrl-C to stop.");
      out.accept("");
    } else {
      out.accept(String.join("; ", lines.stream().map(StartupBanner::squeezed).toList()));
    }
  }

  private static String squeezed(String line) {
    return line.strip().replaceAll(" {2,}", " ");
  }

  private static List<String> lines(CairnApp app) {
    String kafka =
        app.broker()
            .map(
                broker ->
                    broker.bootstrapServers() + " (embedded broker, pid " + broker.pid() + ")")
            .or(
                () ->
                    app.cluster()
                        .map(
                            cluster ->
                                cluster.bootstrapServers()
                                    + " (embedded cluster of "
                                    + cluster.size()
                                    + " nodes)"))
            .orElse(app.kafka().bootstrapServers() + " (external cluster)");
    return List.of(
        "Cairn is running.",
        "  HTTP API     " + app.httpUri(),
        "  Readiness    " + app.httpUri().resolve("/health/ready"),
        "  Kafka        " + kafka,
        "  Schemas      "
            + app.registryUri()
            + (app.hasEmbeddedRegistry() ? " (embedded registry)" : " (external registry)"));
  }
}
