package io.cairn.queries.routing;

import io.cairn.kafka.stores.Store;
import io.cairn.queries.consistency.ConsistencyWait;
import io.cairn.queries.http.Parameters;
import io.cairn.queries.stores.StoreReader;
import java.util.concurrent.CompletableFuture;

/**
 * A query about one key ({@code /api/v1/.../{id}...}), declared by what makes it differ from the
 * others: its parameters, the store whose partition of the key says where it is answered, and its
 * answer from the stores there. Reading the parameters, routing to the instance that holds the key
 * and writing the answer are the same for every such query, and done once, by the query server.
 *
 * @param <P> its own parameters, read and checked
 */
public interface KeyedQuery<P> {

  /** Its own query parameters; others, but the common ones, are refused. */
  Parameters<P> parameters();

  /** The store whose partition of the key says which instance answers. */
  Store<?, ?> routedBy();

  /**
   * The answer, from this instance's stores, once the view reflects what the query waits for.
   *
   * @param reader this instance's stores, active or standby copies as the routing decided
   */
  CompletableFuture<Object> answer(
      StoreReader reader, String key, P parameters, ConsistencyWait wait);

  /**
   * Whether the key's entry is the customer's own, which a client confined to that customer may
   * read; asked after the answer, from the same stores, so that an entry the query waited for is
   * there.
   */
  boolean customerMayRead(StoreReader reader, String key, String customer);
}
