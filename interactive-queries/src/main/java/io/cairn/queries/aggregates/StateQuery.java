package io.cairn.queries.aggregates;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.engine.views.stores.AggregateEntry;
import io.cairn.engine.views.stores.HistoryReplay;
import io.cairn.engine.views.stores.ViewStores;
import io.cairn.kafka.stores.Store;
import io.cairn.queries.consistency.ConsistencyWait;
import io.cairn.queries.consistency.ReadYourWrites;
import io.cairn.queries.http.AsOf;
import io.cairn.queries.http.NotFound;
import io.cairn.queries.http.Parameters;
import io.cairn.queries.routing.KeyedQuery;
import io.cairn.queries.stores.StoreReader;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/v1/{type}/{id}/state}: an aggregate's own state as the views folded it with its
 * decider, now or as of an instant ({@code asOf}), folded again from its history.
 */
public final class StateQuery implements KeyedQuery<Optional<Instant>> {
  private final AggregateType<?, ?, ?> type;
  private final HistoryReplay replay;
  private final ReadYourWrites readYourWrites;

  /**
   * @param type the aggregate type asked about
   * @param replay how its history is folded again
   * @param readYourWrites how a query waits for a command's effect
   */
  public StateQuery(
      AggregateType<?, ?, ?> type, HistoryReplay replay, ReadYourWrites readYourWrites) {
    this.type = type;
    this.replay = replay;
    this.readYourWrites = readYourWrites;
  }

  @Override
  public Parameters<Optional<Instant>> parameters() {
    return AsOf.PARAMETERS;
  }

  @Override
  public Store<?, ?> routedBy() {
    return ViewStores.aggregates(type);
  }

  @Override
  public CompletableFuture<Object> answer(
      StoreReader reader, String id, Optional<Instant> asOf, ConsistencyWait wait) {
    AggregateReads reads = new AggregateReads(reader, replay);
    return readYourWrites
        .await(
            type.name(),
            id,
            wait,
            version -> reads.state(type, id).filter(e -> e.version() >= version).isPresent())
        .thenApply(done -> AggregateAnswer.of(type.name(), id, state(reads, id, asOf)));
  }

  private AggregateEntry<?> state(AggregateReads reads, String id, Optional<Instant> asOf) {
    return asOf.map(at -> reads.stateAsOf(type, id, at))
        .orElseGet(() -> reads.state(type, id))
        .orElseThrow(() -> NotFound.of(type.name(), id, asOf));
  }

  @Override
  public boolean customerMayRead(StoreReader reader, String id, String customer) {
    return new AggregateReads(reader, replay).customerOwns(type, id, customer);
  }
}
