package io.cairn.core.aggregate;

import java.util.Objects;
import java.util.function.Function;

/**
 * How an aggregate type reads the events it appended before their shape changed in a way Avro's
 * schema resolution cannot express (an event renamed, split in two, a field whose meaning changed):
 * the old events stay in the contract and in the domain as legacy records, which the decider never
 * appends, and each is read, wherever history is read, as the event it means now.
 *
 * <p>One logged event is read as one event: an aggregate's versions number its logged events, and
 * the history, the consistency tokens and If-Match all count on that.
 *
 * @param legacyEvents the sealed interface of the legacy records
 * @param upcast the event a legacy record means now; pure
 * @param <L> the legacy records
 * @param <E> the aggregate type's events
 */
public record Upcaster<L, E>(Class<L> legacyEvents, Function<L, E> upcast) {

  /** Checks that the legacy records are a sealed interface, as the events are. */
  public Upcaster {
    Objects.requireNonNull(upcast, "upcast");
    if (!legacyEvents.isInterface() || !legacyEvents.isSealed()) {
      throw new IllegalArgumentException(
          "legacy events must be a sealed interface of records, not " + legacyEvents.getName());
    }
  }

  /** The event a record of the log means now, if it is one of these legacy records. */
  Object upcastIfLegacy(Object logged) {
    return legacyEvents.isInstance(logged) ? upcast.apply(legacyEvents.cast(logged)) : null;
  }
}
