package io.cairn.core.reaction;

import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.view.SourcedEvent;

/** An event the engine read off a log, checked to be of the aggregate type it declares. */
final class Typed {
  private Typed() {}

  static <E, S> SourcedEvent<E, S> event(
      AggregateType<?, E, S> type, Object event, Aggregate<?> aggregate) {
    Aggregate<S> typed =
        new Aggregate<>(
            aggregate.id(),
            aggregate.version(),
            aggregate.createdAt(),
            aggregate.updatedAt(),
            type.state().cast(aggregate.state()));
    return new SourcedEvent<>(type.events().cast(event), typed);
  }
}
