package io.cairn.web;

import java.util.Map;

/**
 * What a handler throws to answer with an error: the status and the {@link ApiError} to send. The
 * exception table turns it into the response, so handlers never write error bodies themselves.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient ApiError error;

  /**
   * @param status the HTTP status
   * @param code the stable error code
   * @param message the human sentence
   * @param details structured facts about the error
   */
  public ApiException(int status, String code, String message, Map<String, Object> details) {
    super(message);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error status is 4xx or 5xx, not " + status);
    }
    this.status = status;
    this.error = new ApiError(code, message, details);
  }

  /** An error without details. */
  public ApiException(int status, String code, String message) {
    this(status, code, message, Map.of());
  }

  /** The HTTP status to answer with. */
  public int status() {
    return status;
  }

  /** The body to answer with. */
  public ApiError error() {
    return error;
  }
}
