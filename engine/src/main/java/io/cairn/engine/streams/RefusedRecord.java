package io.cairn.engine.streams;

/**
 * Thrown by a processor for a record it was right to refuse, such as another service's event of a
 * type no mapping takes: the record goes to the dead-letter queue under this reason rather than the
 * generic {@code failed}, and nothing is logged as an error.
 */
public final class RefusedRecord extends RuntimeException {
  private final String reason;

  /**
   * @param reason the dead-letter reason, in snake_case ({@code unknown_type})
   * @param message what is wrong with the record, for people
   */
  public RefusedRecord(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** The dead-letter reason. */
  public String reason() {
    return reason;
  }
}
