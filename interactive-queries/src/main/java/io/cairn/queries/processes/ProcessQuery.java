package io.cairn.queries.processes;

import io.cairn.core.reaction.ProcessManager;
import io.cairn.engine.reactions.ProcessInstance;
import io.cairn.engine.reactions.ProcessStores;
import io.cairn.kafka.stores.Store;
import io.cairn.queries.consistency.ConsistencyWait;
import io.cairn.queries.http.Parameters;
import io.cairn.queries.routing.KeyedQuery;
import io.cairn.queries.stores.StoreReader;
import io.cairn.web.ApiException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/v1/processes/{name}/{id}}: one process of a process manager, as the instance that
 * runs it keeps it: status, state, pending deadlines and latest steps.
 */
public final class ProcessQuery implements KeyedQuery<Boolean> {
  private static final Parameters<Boolean> NONE = new Parameters<>(Set.of(), params -> true);

  private final ProcessManager<?, ?> manager;
  private final Store<String, ProcessInstance> store;

  /** The query of a process manager's processes. */
  public ProcessQuery(ProcessManager<?, ?> manager) {
    this.manager = manager;
    this.store = ProcessStores.of(manager.name()).instances();
  }

  @Override
  public Parameters<Boolean> parameters() {
    return NONE;
  }

  @Override
  public Store<?, ?> routedBy() {
    return store;
  }

  @Override
  public CompletableFuture<Object> answer(
      StoreReader reader, String id, Boolean none, ConsistencyWait wait) {
    ProcessInstance process = reader.read(store, id, processes -> processes.get(id));
    if (process == null) {
      throw new ApiException(
          404,
          "process_not_found",
          "There is no " + manager.name() + " process " + id + " (or it ended and was forgotten).");
    }
    return CompletableFuture.completedFuture(ProcessAnswer.of(process));
  }

  @Override
  public boolean customerMayRead(StoreReader reader, String id, String customer) {
    ProcessInstance process = reader.read(store, id, processes -> processes.get(id));
    return process != null && actsFor(manager, process, customer);
  }

  private static <S> boolean actsFor(
      ProcessManager<S, ?> manager, ProcessInstance process, String customer) {
    return manager
        .customerOf(process.stateAs(manager.state()))
        .filter(customer::equals)
        .isPresent();
  }
}
