package io.cairn.engine.mapping;

/** A domain value and a contract schema do not fit together; the message says where. */
public final class MappingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A mismatch without an underlying exception. */
  public MappingException(String message) {
    super(message);
  }

  /** A mismatch found through a reflection or domain failure. */
  public MappingException(String message, Throwable cause) {
    super(message, cause);
  }
}
