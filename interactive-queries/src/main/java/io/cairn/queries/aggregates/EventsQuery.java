package io.cairn.queries.aggregates;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.engine.views.stores.HistoryReplay;
import io.cairn.engine.views.stores.ViewStores;
import io.cairn.kafka.stores.Store;
import io.cairn.queries.consistency.ConsistencyWait;
import io.cairn.queries.consistency.ReadYourWrites;
import io.cairn.queries.http.Parameters;
import io.cairn.queries.routing.KeyedQuery;
import io.cairn.queries.stores.StoreReader;
import java.util.concurrent.CompletableFuture;

/** {@code GET /api/v1/{type}/{id}/events}: a page of an aggregate's events, in version order. */
public final class EventsQuery implements KeyedQuery<HistoryParams> {
  private final AggregateType<?, ?, ?> type;
  private final HistoryReplay replay;
  private final ReadYourWrites readYourWrites;

  /**
   * @param type the aggregate type asked about
   * @param replay how its history is read
   * @param readYourWrites how a query waits for a command's effect
   */
  public EventsQuery(
      AggregateType<?, ?, ?> type, HistoryReplay replay, ReadYourWrites readYourWrites) {
    this.type = type;
    this.replay = replay;
    this.readYourWrites = readYourWrites;
  }

  @Override
  public Parameters<HistoryParams> parameters() {
    return HistoryParams.PARAMETERS;
  }

  @Override
  public Store<?, ?> routedBy() {
    return ViewStores.aggregates(type);
  }

  @Override
  public CompletableFuture<Object> answer(
      StoreReader reader, String id, HistoryParams page, ConsistencyWait wait) {
    AggregateReads reads = new AggregateReads(reader, replay);
    return readYourWrites
        .await(
            type.name(),
            id,
            wait,
            version -> !reads.history(type, id, version, 1).items().isEmpty())
        .thenApply(done -> HistoryAnswer.of(reads, type, id, page));
  }

  @Override
  public boolean customerMayRead(StoreReader reader, String id, String customer) {
    return new AggregateReads(reader, replay).customerOwns(type, id, customer);
  }
}
