package io.cairn.app;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app has started, closed in the reverse order: the HTTP server before the clients that
 * serve it, the clients before the broker they talk to. A start-up that fails half-way closes what
 * it had already started.
 */
final class Resources implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Resources.class);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  /** Takes charge of closing a started resource, and hands it back. */
  <T extends AutoCloseable> T add(T resource) {
    started.push(resource);
    return resource;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable resource = started.pop();
      try {
        resource.close();
      } catch (Exception e) {
        // Keep going: a failure to close one thing must not leave the broker running.
        log.error("Failed to close {}", resource.getClass().getSimpleName(), e);
      }
    }
  }
}
