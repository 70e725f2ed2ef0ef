package io.cairn.topology.aggregate;

import io.cairn.topology.decider.Decider;
import io.cairn.topology.mapping.TypeCheck;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * An aggregate type, declared once: its decider, its domain types, and the contract's envelopes
 * they travel in. Registering it gives it its topics, stores, sub-topology and HTTP commands.
 * Building the declaration checks that every domain command, event and state fits its schema, so a
 * mismatch stops start-up.
 *
 * @param name the type's name in topic names and URLs ({@code carts})
 * @param decider the aggregate's behaviour
 * @param commands the sealed interface of its commands
 * @param events the sealed interface of its events
 * @param state its state record
 * @param commandEnvelope the envelope schema of its commands topic
 * @param eventEnvelope the envelope schema of its events topic
 * @param snapshot the envelope schema of its state topic
 * @param <C> the commands
 * @param <E> the events
 * @param <S> the state
 */
public record AggregateType<C, E, S>(
    String name,
    Decider<C, E, S> decider,
    Class<C> commands,
    Class<E> events,
    Class<S> state,
    Schema commandEnvelope,
    Schema eventEnvelope,
    Schema snapshot) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  /** Checks the name and that the domain types fit the contract. */
  public AggregateType {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "an aggregate type's name is lower-case letters, digits and dashes, not '" + name + "'");
    }
    TypeCheck.require(commands, commandEnvelope.getField("payload").schema());
    TypeCheck.require(events, eventEnvelope.getField("payload").schema());
    TypeCheck.require(state, snapshot.getField("state").schema());
  }

  /** The CloudEvents type of an event: {@code io.cairn.<type>.<EventName>}. */
  public String cloudEventType(String eventName) {
    return "io.cairn." + name + "." + eventName;
  }
}
