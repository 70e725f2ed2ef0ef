package io.cairn.core.view;

import io.cairn.core.aggregate.Aggregate;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A key a view files an aggregate type's events under when it is not the aggregate's id, such as an
 * order's customer. The engine repartitions those events by it once, however many views share it.
 *
 * <p>The key is taken from the aggregate as the event left it, not from the event, so that where a
 * command's events went can be told from the aggregate alone.
 *
 * @param name the key's name, in the repartition topic's name ({@code customer})
 * @param of the key of an aggregate, or null when its events belong under no key
 * @param <S> the aggregate type's state
 */
public record ViewKey<S>(String name, Function<Aggregate<S>, String> of) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  /** Checks the name, which becomes part of a topic name. */
  public ViewKey {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a view key's name is lower-case letters, digits and dashes, not '" + name + "'");
    }
  }
}
