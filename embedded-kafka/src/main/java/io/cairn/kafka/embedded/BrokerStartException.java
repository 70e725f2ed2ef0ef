package io.cairn.kafka.embedded;

/** The embedded broker could not be started; the message says why and what to do about it. */
public final class BrokerStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with no underlying exception: a busy port, a broker that exited, a timeout. */
  public BrokerStartException(String message) {
    super(message);
  }

  /** A failure caused by an I/O or process error. */
  public BrokerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
