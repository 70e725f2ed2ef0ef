package io.cairn.topology.views;

import java.util.function.Function;

/**
 * A key a view files an aggregate type's events under when it is not the aggregate's id, such as an
 * order's customer. The views repartition those events by it once, however many views share it.
 *
 * @param name the key's name, in the repartition topic's name ({@code customer})
 *     <p>The key is taken from the aggregate, not the event: its id, creation time and state after
 *     the event (an order's customer), so a query can tell from the aggregate alone which key a
 *     command's events went to.
 * @param of the key of an event, or null when the event belongs under no key
 */
public record ViewKey(String name, Function<SourcedEvent, String> of) {

  /** Checks the name, which becomes part of a topic name. */
  public ViewKey {
    if (name == null || !name.matches("[a-z][a-z0-9-]{0,39}")) {
      throw new IllegalArgumentException("a view key's name is lower-case letters, not " + name);
    }
  }
}
