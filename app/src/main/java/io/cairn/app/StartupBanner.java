package io.cairn.app;

import java.io.PrintStream;

/** Tells the person who ran `cairn run` where everything is. */
final class StartupBanner {
  private final PrintStream out;

  StartupBanner(PrintStream out) {
    this.out = out;
  }

  void print(CairnApp app) {
    String kafka =
        app.broker()
            .map(
                broker ->
                    broker.bootstrapServers() + " (embedded broker, pid " + broker.pid() + ")")
            .orElse(app.kafka().bootstrapServers() + " (external cluster)");
    out.println();
    out.println("Cairn is running.");
    out.println("  HTTP API     " + app.httpUri());
    out.println("  Readiness    " + app.httpUri().resolve("/health/ready"));
    out.println("  Kafka        " + kafka);
    out.println(
        "  Schemas      "
            + app.registryUri()
            + (app.hasEmbeddedRegistry() ? " (embedded registry)" : " (external registry)"));
    out.println("Press Ctrl-C to stop.");
    out.println();
  }
}
