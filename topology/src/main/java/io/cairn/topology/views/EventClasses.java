package io.cairn.topology.views;

import io.cairn.topology.aggregate.AggregateType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The aggregate types the views know and their event records by name, looked up once rather than
 * for every event read back from JSON.
 */
final class EventClasses {
  private final Map<String, AggregateType<?, ?, ?>> types;
  private final Map<String, Map<String, Class<?>>> events;

  EventClasses(List<AggregateType<?, ?, ?>> types) {
    this.types = types.stream().collect(Collectors.toMap(AggregateType::name, Function.identity()));
    this.events =
        types.stream()
            .collect(
                Collectors.toMap(
                    AggregateType::name,
                    type ->
                        Arrays.stream(type.events().getPermittedSubclasses())
                            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()))));
  }

  /** The aggregate type of a name. */
  AggregateType<?, ?, ?> type(String name) {
    AggregateType<?, ?, ?> type = types.get(name);
    if (type == null) {
      throw new SerializationException("an event of unknown type " + name);
    }
    return type;
  }

  /** The record of a type's event of a name. */
  Class<?> event(String type, String name) {
    Class<?> event = events.get(type).get(name);
    if (event == null) {
      throw new SerializationException("%s has no event %s".formatted(type, name));
    }
    return event;
  }
}
