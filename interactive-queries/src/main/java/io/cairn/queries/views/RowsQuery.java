package io.cairn.queries.views;

import io.cairn.core.view.ListProjection;
import io.cairn.core.view.Projection;
import io.cairn.engine.views.stores.ViewStores;
import io.cairn.kafka.stores.Store;
import io.cairn.queries.consistency.ConsistencyWait;
import io.cairn.queries.consistency.ReadYourWrites;
import io.cairn.queries.http.NotFound;
import io.cairn.queries.http.Parameters;
import io.cairn.queries.routing.KeyedQuery;
import io.cairn.queries.stores.StoreReader;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/v1/{parent}/{id}/{segment}}: a page of a list view's rows under an entity, such
 * as a customer's orders. When the parent is a view too, an entity it does not show is a 404.
 */
public final class RowsQuery implements KeyedQuery<PageParams> {
  private final ListProjection<?> rows;
  private final Optional<Projection<?>> parent;
  private final ReadYourWrites readYourWrites;

  /**
   * @param rows the list view
   * @param parent the view of the entity the rows belong to, if there is one
   * @param readYourWrites how a query waits for a command's effect
   */
  public RowsQuery(
      ListProjection<?> rows, Optional<Projection<?>> parent, ReadYourWrites readYourWrites) {
    this.rows = rows;
    this.parent = parent;
    this.readYourWrites = readYourWrites;
  }

  @Override
  public Parameters<PageParams> parameters() {
    return PageParams.of(rows.filters());
  }

  @Override
  public Store<?, ?> routedBy() {
    return ViewStores.view(rows);
  }

  @Override
  public CompletableFuture<Object> answer(
      StoreReader reader, String id, PageParams page, ConsistencyWait wait) {
    EntityReads entities = new EntityReads(reader);
    return readYourWrites
        .await(reader, rows, id, wait)
        .thenApply(
            done -> {
              parent
                  .filter(view -> entities.find(view, id).isEmpty())
                  .ifPresent(
                      view -> {
                        throw NotFound.of(view.name(), id, Optional.empty());
                      });
              return new ListReads(reader, entities).rows(rows, id, page);
            });
  }

  @Override
  public boolean customerMayRead(StoreReader reader, String id, String customer) {
    return rows.customerOf(id, null).filter(customer::equals).isPresent();
  }
}
