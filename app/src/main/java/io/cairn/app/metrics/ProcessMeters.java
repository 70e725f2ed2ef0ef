package io.cairn.app.metrics;

import io.cairn.core.reaction.ProcessStatus;
import io.cairn.engine.deadletters.DeadLetterQueue;
import io.cairn.engine.reactions.ProcessCounts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the reactions hold, as gauges brought up to date at each scrape: each process manager's
 * processes by status and its deadlines pending and overdue, over the partitions this instance
 * runs, and the dead-letter queue's entries by reason.
 */
final class ProcessMeters implements Runnable {
  private final KafkaStreams commands;
  private final List<String> managers;
  private final DeadLetterQueue deadLetters;
  private final Clock clock;
  private final MultiGauge processes;
  private final MultiGauge deadlinesPending;
  private final MultiGauge deadlinesOverdue;
  private final MultiGauge deadLetterEntries;

  ProcessMeters(
      KafkaStreams commands,
      List<String> managers,
      DeadLetterQueue deadLetters,
      Clock clock,
      MeterRegistry registry) {
    this.commands = commands;
    this.managers = List.copyOf(managers);
    this.deadLetters = deadLetters;
    this.clock = clock;
    this.processes =
        MultiGauge.builder("cairn.processes")
            .description("A process manager's processes on this instance, by status")
            .register(registry);
    this.deadlinesPending =
        MultiGauge.builder("cairn.process.deadlines.pending")
            .description("A process manager's deadlines on this instance that have not fired")
            .register(registry);
    this.deadlinesOverdue =
        MultiGauge.builder("cairn.process.deadlines.overdue")
            .description("Pending deadlines on this instance whose time has passed")
            .register(registry);
    this.deadLetterEntries =
        MultiGauge.builder("cairn.dead.letters")
            .description("Entries of the dead-letter queue, by reason")
            .register(registry);
  }

  @Override
  public void run() {
    List<MultiGauge.Row<?>> byStatus = new ArrayList<>();
    List<MultiGauge.Row<?>> pending = new ArrayList<>();
    List<MultiGauge.Row<?>> overdue = new ArrayList<>();
    for (String manager : managers) {
      Optional<ProcessCounts> counts = ProcessCounts.read(commands, manager, clock.instant());
      if (counts.isEmpty()) {
        continue;
      }
      Tags tags = Tags.of("manager", manager);
      for (Map.Entry<ProcessStatus, Long> status : counts.get().byStatus().entrySet()) {
        byStatus.add(
            MultiGauge.Row.of(tags.and("status", status.getKey().name()), status.getValue()));
      }
      pending.add(MultiGauge.Row.of(tags, counts.get().deadlinesPending()));
      overdue.add(MultiGauge.Row.of(tags, counts.get().deadlinesOverdue()));
    }
    processes.register(byStatus, true);
    deadlinesPending.register(pending, true);
    deadlinesOverdue.register(overdue, true);
    List<MultiGauge.Row<?>> entries = new ArrayList<>();
    deadLetters
        .getEntriesByReason()
        .forEach(
            (reason, count) -> entries.add(MultiGauge.Row.of(Tags.of("reason", reason), count)));
    deadLetterEntries.register(entries, true);
  }
}
