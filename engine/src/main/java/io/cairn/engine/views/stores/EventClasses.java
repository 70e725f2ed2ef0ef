package io.cairn.engine.views.stores;

import io.cairn.core.aggregate.AggregateType;
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
public final class EventClasses {
  private final Map<String, AggregateType<?, ?, ?>> types;
  private final Map<String, Map<String, Class<?>>> events;

  /** The event records of these aggregate types. */
  public EventClasses(List<AggregateType<?, ?, ?>> types) {
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
  public AggregateType<?, ?, ?> type(String name) {
    AggregateType<?, ?, ?> type = types.get(name);
    if (type == null) {
      throw new SerializationException("an event of unknown type " + name);
    }
    return type;
  }

  /** The record of a type's event of a name. */
  public Class<?> event(String type, String name) {
    Class<?> event = events.get(type).get(name);
    if (event == null) {
      throw new SerializationException("%s has no event %s".formatted(type, name));
    }
    return event;
  }
}
