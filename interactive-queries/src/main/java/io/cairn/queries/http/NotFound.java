package io.cairn.queries.http;

import io.cairn.web.ApiException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The 404 of an entity that does not exist, or did not at the instant asked for. */
public final class NotFound {
  private NotFound() {}

  /** The 404 of a view's or type's entry, now or at an instant. */
  public static ApiException of(String view, String id, Optional<Instant> asOf) {
    if (asOf.isEmpty()) {
      return new ApiException(
          404,
          "not_found",
          "There is no " + view + " entry with id " + id + ".",
          Map.of("view", view, "id", id));
    }
    return new ApiException(
        404,
        "not_found",
        "There was no " + view + " entry with id " + id + " at " + asOf.get() + ".",
        Map.of("view", view, "id", id, "asOf", asOf.get().toString()));
  }
}
