package io.cairn.registry;

/**
 * A request the registry refuses, with Confluent's HTTP status and error code, so that clients
 * written for Confluent's registry understand the answer.
 */
public final class RegistryError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final int errorCode;

  private RegistryError(int status, int errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** Confluent's error code. */
  public int errorCode() {
    return errorCode;
  }

  static RegistryError unauthorized() {
    return new RegistryError(
        401, 40101, "This needs a user of the registry, by HTTP basic authentication.");
  }

  static RegistryError forbidden(String what) {
    return new RegistryError(403, 40301, "The user may not do this: " + what + ".");
  }

  static RegistryError subjectNotFound(String subject) {
    return new RegistryError(404, 40401, "Subject '" + subject + "' not found.");
  }

  static RegistryError versionNotFound(String subject, Object version) {
    return new RegistryError(
        404, 40402, "Version " + version + " of subject '" + subject + "' not found.");
  }

  static RegistryError schemaNotFound(String detail) {
    return new RegistryError(404, 40403, "Schema not found: " + detail + ".");
  }

  static RegistryError subjectCompatibilityNotFound(String subject) {
    return new RegistryError(
        404,
        40408,
        "Subject '" + subject + "' does not have subject-level compatibility configured.");
  }

  static RegistryError incompatible(String subject, Iterable<String> reasons) {
    return new RegistryError(
        409,
        409,
        "Schema being registered is incompatible with an earlier schema for subject '"
            + subject
            + "', details: "
            + String.join("; ", reasons));
  }

  static RegistryError importConflict(String detail) {
    // Confluent answers an import whose id is taken by another schema with 42205.
    return new RegistryError(422, 42205, "The schema cannot be imported so: " + detail + ".");
  }

  static RegistryError invalidSchema(String detail) {
    return new RegistryError(422, 42201, "Invalid schema: " + detail);
  }

  static RegistryError invalidVersion(String version) {
    return new RegistryError(
        422,
        42202,
        "The specified version '"
            + version
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
            + " \"latest\".");
  }

  static RegistryError invalidCompatibilityLevel(String level) {
    return new RegistryError(
        422,
        42203,
        "Invalid compatibility level '"
            + level
            + "'. Valid values are NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD,"
            + " FORWARD_TRANSITIVE, FULL and FULL_TRANSITIVE.");
  }

  static RegistryError storeTimeout(String what) {
    return new RegistryError(500, 50002, "Timed out while " + what + ".");
  }

  static RegistryError storeFailure(String what) {
    return new RegistryError(500, 50001, "Error in the backend data store while " + what + ".");
  }
}
