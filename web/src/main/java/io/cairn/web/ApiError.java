package io.cairn.web;

import java.util.Map;
import java.util.Objects;

/**
 * The one shape of every error response Cairn sends: a stable, machine-readable code, a sentence
 * for people, and details that depend on the error (the bad fields, the expected version...).
 *
 * @param error the stable code clients branch on, in snake_case ({@code not_found})
 * @param message a human sentence saying what went wrong and, where it helps, what to do
 * @param details structured facts about this error; empty when there are none
 */
public record ApiError(String error, String message, Map<String, Object> details) {

  /** Checks the fields and freezes the details. */
  public ApiError {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(message, "message");
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}
