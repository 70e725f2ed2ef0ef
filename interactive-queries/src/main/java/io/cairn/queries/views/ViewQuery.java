package io.cairn.queries.views;

import io.cairn.core.view.Projection;
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
 * {@code GET /api/v1/{view}/{id}}: a view's entry for an id as clients see it, now or as of an
 * instant ({@code asOf}).
 */
public final class ViewQuery implements KeyedQuery<Optional<Instant>> {
  private final Projection<?> projection;
  private final PastViews past;
  private final ReadYourWrites readYourWrites;

  /**
   * @param projection the view asked about
   * @param past how views are read as of an instant
   * @param readYourWrites how a query waits for a command's effect
   */
  public ViewQuery(Projection<?> projection, PastViews past, ReadYourWrites readYourWrites) {
    this.projection = projection;
    this.past = past;
    this.readYourWrites = readYourWrites;
  }

  @Override
  public Parameters<Optional<Instant>> parameters() {
    return AsOf.PARAMETERS;
  }

  @Override
  public Store<?, ?> routedBy() {
    return ViewStores.view(projection);
  }

  @Override
  public CompletableFuture<Object> answer(
      StoreReader reader, String id, Optional<Instant> asOf, ConsistencyWait wait) {
    return readYourWrites
        .await(reader, projection, id, wait)
        .thenApply(
            done ->
                asOf.map(at -> new TimeTravel(reader, past).shown(projection, id, at))
                    .orElseGet(() -> new EntityReads(reader).shown(projection, id))
                    .orElseThrow(() -> NotFound.of(projection.name(), id, asOf)));
  }

  @Override
  public boolean customerMayRead(StoreReader reader, String id, String customer) {
    return new EntityReads(reader).customerOwns(projection, id, customer);
  }
}
