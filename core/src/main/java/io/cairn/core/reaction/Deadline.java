package io.cairn.core.reaction;

import java.time.Instant;
import java.util.Objects;

/**
 * A named point in time at which a process wants to be asked again, if it has not cancelled it.
 *
 * @param name the deadline's name; setting a deadline of the same name again moves it
 * @param at when it passes
 */
public record Deadline(String name, Instant at) {
  /** Checks that both are there. */
  public Deadline {
    Names.check("deadline", name);
    Objects.requireNonNull(at, "at");
  }
}
