package io.cairn.web;

import java.time.Duration;
import java.util.Map;

/**
 * What a handler throws to answer with an error: the status and the {@link ApiError} to send. The
 * exception table turns it into the response, so handlers never write error bodies themselves.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient ApiError error;
  private final transient Map<String, String> headers;

  /**
   * @param status the HTTP status
   * @param code the stable error code
   * @param message the human sentence
   * @param details structured facts about the error
   */
  public ApiException(int status, String code, String message, Map<String, Object> details) {
    this(status, new ApiError(code, message, details), Map.of());
  }

  private ApiException(int status, ApiError error, Map<String, String> headers) {
    super(error.message());
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error status is 4xx or 5xx, not " + status);
    }
    this.status = status;
    this.error = error;
    this.headers = Map.copyOf(headers);
  }

  /**
   * A 503 that tells the client when to try again (Retry-After, in whole seconds): the request was
   * refused before anything was written, so a retry is always safe.
   */
  public static ApiException unavailable(String code, String message, Duration retryAfter) {
    return retryLater(503, code, message, retryAfter);
  }

  /** An answer that says when to try again: a 503, or a 429 to a client past its rate. */
  public static ApiException retryLater(
      int status, String code, String message, Duration retryAfter) {
    return new ApiException(
        status,
        new ApiError(code, message, Map.of()),
        Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds()))));
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

  /** Headers to answer with, beside the body. */
  public Map<String, String> headers() {
    return headers;
  }
}
