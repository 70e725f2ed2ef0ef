package io.cairn.queries.processes;

import io.cairn.engine.reactions.ProcessInstance;
import io.cairn.engine.reactions.ProcessStores;
import io.cairn.kafka.stores.Store;
import io.cairn.queries.consistency.ConsistencyWait;
import io.cairn.queries.http.Parameters;
import io.cairn.queries.routing.ListPart;
import io.cairn.queries.routing.ListedQuery;
import io.cairn.queries.routing.OrderedScan;
import io.cairn.queries.stores.StoreReader;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /api/v1/processes/{name}}: a page of a process manager's processes in id order,
 * optionally only those in one status and whose latest step is older than a duration (the stuck
 * ones), gathered from every instance like the views' lists.
 */
public final class ProcessListQuery implements ListedQuery<ProcessListParams> {
  private final Store<String, ProcessInstance> store;
  private final Clock clock;

  /** The list of the named process manager's processes. */
  public ProcessListQuery(String manager, Clock clock) {
    this.store = ProcessStores.of(manager).instances();
    this.clock = clock;
  }

  @Override
  public Parameters<ProcessListParams> parameters() {
    return ProcessListParams.PARAMETERS;
  }

  @Override
  public Store<?, ?> store() {
    return store;
  }

  @Override
  public int limit(ProcessListParams params) {
    return params.limit();
  }

  @Override
  public CompletableFuture<ListPart> part(
      StoreReader reader, Set<Integer> partitions, ProcessListParams params, ConsistencyWait wait) {
    String from = params.after().map(after -> after + '\u0000').orElse(null);
    Instant now = clock.instant();
    Function<ProcessInstance, Object> show =
        process -> listed(process, params, now) ? ProcessAnswer.of(process) : null;
    return CompletableFuture.completedFuture(
        reader.readPartitions(
            store,
            partitions,
            (Map<Integer, ReadOnlyKeyValueStore<String, ProcessInstance>> stores) ->
                OrderedScan.part(
                    stores,
                    from,
                    null,
                    params.limit(),
                    (String id, ProcessInstance process) -> show.apply(process))));
  }

  private static boolean listed(ProcessInstance process, ProcessListParams params, Instant now) {
    return params.status().map(status -> status == process.status()).orElse(true)
        && params.olderThan().map(age -> !process.updatedAt().isAfter(now.minus(age))).orElse(true);
  }
}
