package io.cairn.queries.views;

import io.cairn.core.view.Projection;
import io.cairn.engine.views.stores.ViewStores;
import io.cairn.kafka.stores.Store;
import io.cairn.queries.consistency.ConsistencyWait;
import io.cairn.queries.consistency.ReadYourWrites;
import io.cairn.queries.http.Parameters;
import io.cairn.queries.routing.ListPart;
import io.cairn.queries.routing.ListedQuery;
import io.cairn.queries.stores.StoreReader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/v1/{view}}: a page of a view's entities in id order, optionally filtered. Every
 * instance answers for the partitions it holds, and the parts are merged into the page.
 */
public final class ListQuery implements ListedQuery<PageParams> {
  private final Projection<?> projection;
  private final ReadYourWrites readYourWrites;

  /**
   * @param projection the view listed
   * @param readYourWrites how a query waits for a command's effect
   */
  public ListQuery(Projection<?> projection, ReadYourWrites readYourWrites) {
    this.projection = projection;
    this.readYourWrites = readYourWrites;
  }

  /** Its query parameters: paging and the view's filters. */
  @Override
  public Parameters<PageParams> parameters() {
    return PageParams.of(projection.filters());
  }

  @Override
  public int limit(PageParams params) {
    return params.limit();
  }

  /** The store whose partitions say where the list's parts are. */
  @Override
  public Store<?, ?> store() {
    return ViewStores.view(projection);
  }

  /**
   * What some of this instance's partitions hold of the page, once the view reflects what the query
   * waits for.
   */
  @Override
  public CompletableFuture<ListPart> part(
      StoreReader reader, Set<Integer> partitions, PageParams page, ConsistencyWait wait) {
    return readYourWrites
        .awaitIn(reader, projection, partitions, wait)
        .thenApply(
            done ->
                new ListReads(reader, new EntityReads(reader)).part(projection, page, partitions));
  }
}
