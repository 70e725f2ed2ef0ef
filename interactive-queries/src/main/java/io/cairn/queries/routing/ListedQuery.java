package io.cairn.queries.routing;

import io.cairn.kafka.stores.Store;
import io.cairn.queries.consistency.ConsistencyWait;
import io.cairn.queries.http.Parameters;
import io.cairn.queries.stores.StoreReader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A list gathered from every instance ({@code GET /api/v1/...}), declared by what makes it differ
 * from the others: its parameters, the store whose partitions say where its parts are, and the part
 * some partitions hold. Reading the parameters, gathering and merging the parts and writing the
 * page are the same for every list, and done once, by the query server.
 *
 * @param <P> its own parameters, read and checked
 */
public interface ListedQuery<P> {

  /** Its own query parameters; others, but the common ones, are refused. */
  Parameters<P> parameters();

  /** The store whose partitions say where the list's parts are. */
  Store<?, ?> store();

  /** The most items a page of it holds, as the parameters ask. */
  int limit(P params);

  /**
   * What some of this instance's partitions hold of the page, once what the query waits for is
   * there.
   */
  CompletableFuture<ListPart> part(
      StoreReader reader, Set<Integer> partitions, P params, ConsistencyWait wait);
}
