package io.cairn.kafka.client;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaFuture;

/**
 * Waits for an admin request within a bound, and turns its failure into a {@link
 * KafkaOperationException} that names the request, with the broker's reason as the cause.
 */
public final class AdminRequests {
  private AdminRequests() {}

  /**
   * The request's result.
   *
   * @param what the request, for messages: "listing the topics"
   * @throws KafkaOperationException when it failed, timed out, or the wait was interrupted
   */
  public static <T> T await(KafkaFuture<T> future, Duration timeout, String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new KafkaOperationException(what + " failed", e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaOperationException("Kafka did not answer " + what + " within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaOperationException("interrupted while " + what, e);
    }
  }
}
