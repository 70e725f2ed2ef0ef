package io.cairn.queries;

import io.cairn.queries.routing.Forwarder;
import io.cairn.queries.routing.KeyRouter;
import io.cairn.queries.routing.ListGather;
import io.cairn.queries.stores.StoreReader;
import io.cairn.queries.stores.ViewsAccess;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How queries read one run of the views: from the partitions this instance is active for, or also
 * standbys' copies, each query routed to the instance that holds its key, each list gathered from
 * every instance.
 *
 * @param views the run's stores as this instance reaches them
 * @param active reads of the partitions this instance is active for
 * @param stale reads that take a standby's copy too
 * @param router where a query about one key is answered
 * @param gather how a list is put together from every instance's part
 */
record StoreQueries(
    ViewsAccess views, StoreReader active, StoreReader stale, KeyRouter router, ListGather gather) {

  static StoreQueries over(ViewsAccess views, QuerySettings settings, Forwarder forwarder) {
    StoreReader active = new StoreReader(views, settings.partitions(), false);
    StoreReader stale = new StoreReader(views, settings.partitions(), true);
    Set<Integer> partitions =
        IntStream.range(0, settings.partitions()).boxed().collect(Collectors.toSet());
    return new StoreQueries(
        views,
        active,
        stale,
        new KeyRouter(views, settings.self(), forwarder, active, stale),
        new ListGather(views, settings.self(), forwarder, partitions));
  }

  /** This instance's reads, as a query's consistency allows. */
  StoreReader reader(boolean strong) {
    return strong ? active : stale;
  }
}
