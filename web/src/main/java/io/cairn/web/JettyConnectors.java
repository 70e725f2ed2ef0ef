package io.cairn.web;

import io.javalin.config.JavalinConfig;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Sets up a Javalin server's network connectors, which Javalin makes only when the server starts:
 * their listen backlog, their TLS.
 */
public final class JettyConnectors {
  private JettyConnectors() {}

  /** Has every network connector of the server being configured set up as it starts. */
  public static void each(JavalinConfig config, Consumer<ServerConnector> setUp) {
    config.jetty.modifyServer(
        server ->
            server.addEventListener(
                new LifeCycle.Listener() {
                  @Override
                  public void lifeCycleStarting(LifeCycle event) {
                    for (Connector connector : server.getConnectors()) {
                      if (connector instanceof ServerConnector network) {
                        setUp.accept(network);
                      }
                    }
                  }
                }));
  }
}
