package io.cairn.kafka.embedded;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a broker process the way Kafka expects: SIGTERM, a wait, and SIGKILL only as a last resort.
 */
final class ProcessStopper {
  private static final Logger log = LoggerFactory.getLogger(ProcessStopper.class);

  private ProcessStopper() {}

  static void stop(ProcessHandle process, Duration timeout) {
    process.destroy();
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("Kafka broker (pid {}) ignored SIGTERM for {}; killing it", process.pid(), timeout);
      process.destroyForcibly();
      process.onExit().join();
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for the broker to exit failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
