package io.cairn.avro.registry;

/**
 * The schema registry refused a request (with its HTTP status and Confluent error code), or could
 * not be reached at all (status 0).
 */
public final class SchemaRegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Confluent's code for an unknown subject. */
  public static final int SUBJECT_NOT_FOUND = 40401;

  /** Confluent's code for an unknown version of a subject. */
  public static final int VERSION_NOT_FOUND = 40402;

  /** Confluent's code for an unknown schema, by id or under a subject. */
  public static final int SCHEMA_NOT_FOUND = 40403;

  private final int status;
  private final int errorCode;

  /**
   * @param status the HTTP status, or 0 when the registry could not be reached
   * @param errorCode Confluent's error code, or the status when the answer carried none
   * @param message what went wrong
   * @param cause the underlying failure, if any
   */
  public SchemaRegistryException(int status, int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** The HTTP status, or 0 when the registry could not be reached. */
  public int status() {
    return status;
  }

  /** Confluent's error code, such as 40403 for an unknown schema id. */
  public int errorCode() {
    return errorCode;
  }
}
