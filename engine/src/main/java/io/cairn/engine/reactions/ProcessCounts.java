package io.cairn.engine.reactions;

import io.cairn.core.reaction.ProcessStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * How many of a process manager's processes are in each status, and how many of its deadlines are
 * pending and already due, over the partitions active on this instance: what an operator watches
 * for processes that pile up or deadlines that do not fire.
 *
 * @param byStatus processes in each status, every status present
 * @param deadlinesPending deadlines that have not fired yet
 * @param deadlinesOverdue pending deadlines whose time has already passed
 */
public record ProcessCounts(
    Map<ProcessStatus, Long> byStatus, long deadlinesPending, long deadlinesOverdue) {

  /**
   * Counts by reading the manager's stores whole: a scan of its local processes, so it is meant for
   * a scrape every few seconds, not for every request.
   *
   * @return nothing while the stores cannot be read here, as during a rebalance
   */
  public static Optional<ProcessCounts> read(KafkaStreams streams, String manager, Instant now) {
    ProcessStores stores = ProcessStores.of(manager);
    Map<ProcessStatus, Long> byStatus = new EnumMap<>(ProcessStatus.class);
    for (ProcessStatus status : ProcessStatus.values()) {
      byStatus.put(status, 0L);
    }
    long pending = 0;
    long overdue = 0;
    try (KeyValueIterator<String, ProcessInstance> processes =
            stores.instances().local(streams).all();
        KeyValueIterator<String, DeadlineKey> deadlines = stores.deadlines().local(streams).all()) {
      while (processes.hasNext()) {
        byStatus.merge(processes.next().value.status(), 1L, Long::sum);
      }
      while (deadlines.hasNext()) {
        pending++;
        if (deadlines.next().value.due().isBefore(now)) {
          overdue++;
        }
      }
    } catch (InvalidStateStoreException notNow) {
      return Optional.empty();
    }
    return Optional.of(new ProcessCounts(Map.copyOf(byStatus), pending, overdue));
  }
}
