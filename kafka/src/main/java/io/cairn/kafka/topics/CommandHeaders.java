package io.cairn.kafka.topics;

/**
 * The headers a command record may carry besides its envelope, part of the public contract of the
 * commands topics: a producer that writes commands itself sets them as the gateway does.
 */
public final class CommandHeaders {
  /**
   * The customer the command's sender is confined to (a token of scope {@code cairn:customer}): the
   * command is refused, {@code forbidden}, unless the aggregate type lets a customer send it and it
   * is that customer's own. Absent for a sender that may command any aggregate.
   */
  public static final String CUSTOMER = "cairn-customer";

  /** The error code of the reply to a command that {@link #CUSTOMER} refuses. */
  public static final String FORBIDDEN = "forbidden";

  private CommandHeaders() {}
}
