package io.cairn.kafka.client;

/** A request to the Kafka cluster failed or went unanswered; the message says which. */
public final class KafkaOperationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Wraps the cause of a failed or timed-out Kafka request. */
  public KafkaOperationException(String message, Throwable cause) {
    super(message + (cause == null ? "" : ": " + cause.getMessage()), cause);
  }
}
