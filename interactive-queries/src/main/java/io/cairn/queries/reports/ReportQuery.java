package io.cairn.queries.reports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.analytics.ReportStores;
import io.cairn.core.report.Report;
import io.cairn.kafka.stores.Store;
import io.cairn.queries.consistency.ConsistencyWait;
import io.cairn.queries.http.Parameters;
import io.cairn.queries.routing.ListPart;
import io.cairn.queries.routing.ListedQuery;
import io.cairn.queries.routing.OrderedScan;
import io.cairn.queries.stores.StoreReader;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /api/v1/reports/{name}}: a page of a report's windows in key and time order, each
 * {@code {windowStart, windowEnd, key, ...measures}}, gathered from every instance like the lists
 * of the views; a ranked report's in time and rank order, with each key's {@code rank}.
 *
 * @param <A> the report's windows' values
 */
public final class ReportQuery<A> implements ListedQuery<ReportParams> {
  private final Report<?, A> report;
  private final Store<String, A> store;

  /** The query of a report. */
  public ReportQuery(Report<?, A> report) {
    this.report = report;
    this.store = ReportStores.windows(report);
  }

  @Override
  public Parameters<ReportParams> parameters() {
    return ReportParams.PARAMETERS;
  }

  @Override
  public Store<?, ?> store() {
    return store;
  }

  @Override
  public int limit(ReportParams params) {
    return params.limit();
  }

  @Override
  public CompletableFuture<ListPart> part(
      StoreReader reader, Set<Integer> partitions, ReportParams params, ConsistencyWait wait) {
    return CompletableFuture.completedFuture(
        reader.readPartitions(
            store,
            partitions,
            (Map<Integer, ReadOnlyKeyValueStore<String, A>> stores) ->
                report.ranking().isPresent()
                    ? RankedScan.part(
                        stores,
                        report,
                        params,
                        (rank, entry) -> ranked(rank, entry.key, entry.value, params))
                    : byKey(stores, params)));
  }

  private ListPart byKey(
      Map<Integer, ReadOnlyKeyValueStore<String, A>> stores, ReportParams params) {
    String from =
        params
            .after()
            .map(after -> after + '\u0000')
            .orElse(
                params
                    .key()
                    .map(key -> ReportStores.slot(report, key, params.from()))
                    .orElse(null));
    String to = params.key().map(key -> key + ReportStores.SEPARATOR + '\uffff').orElse(null);
    return OrderedScan.part(
        stores,
        from,
        to,
        params.limit(),
        (String slot, A window) ->
            params.lists(ReportStores.startOf(report, slot)) ? shown(slot, window) : null);
  }

  private Object ranked(int rank, String slot, A window, ReportParams params) {
    if (params.key().isPresent() && !params.key().get().equals(ReportStores.keyOf(report, slot))) {
      return null;
    }
    ObjectNode item = shown(slot, window);
    item.put("rank", rank);
    return item;
  }

  private ObjectNode shown(String slot, A window) {
    return WindowItems.item(
        report, ReportStores.keyOf(report, slot), ReportStores.startOf(report, slot), window);
  }
}
