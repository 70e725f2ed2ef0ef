package io.cairn.web;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Stops a Javalin server gracefully: it stops accepting connections, answers a request that comes
 * on a kept-alive connection with 503 and Retry-After, and lets the requests in flight finish (a
 * command waiting for its outcome gets it) for up to the timeout before closing their connections.
 * Jetty's own default is to cut them at once, which a client sees as a failure of the server's.
 */
final class GracefulStop {
  private GracefulStop() {}

  /** Has the configured server stop so. */
  static void install(JavalinConfig config, Duration timeout) {
    config.jetty.modifyServer(
        server -> {
          server.setStopTimeout(timeout.toMillis());
          // Javalin gives the server its handler just before starting it.
          server.addEventListener(
              new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                  GracefulHandler graceful = new GracefulHandler();
                  graceful.setHandler(server.getHandler());
                  server.setHandler(graceful);
                }
              });
        });
  }
}
