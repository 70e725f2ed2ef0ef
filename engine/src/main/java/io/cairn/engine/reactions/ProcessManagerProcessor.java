package io.cairn.engine.reactions;

import io.cairn.engine.sync.Progress;
import io.cairn.kafka.stores.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The shell around a process manager: loads the process an input is for, asks the process manager,
 * and saves the process, its deadlines and the commands it sends, all in the task's exactly-once
 * transaction. Deadlines are kept in a store in the order they pass and checked a few times a
 * second; one that passes is removed with the step it causes, so it fires once, also across
 * restarts and rebalances, since the store moves with its partition.
 */
final class ProcessManagerProcessor
    implements Processor<String, ProcessInput, String, SpecificRecord> {
  /** How often due deadlines are looked for: well within the second a deadline may be late. */
  static final Duration DEADLINE_CHECK = Duration.ofMillis(200);

  private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

  private final ProcessRunner<?, ?> runner;
  private final ProcessStores stores;
  private final Clock clock;
  private final Duration retention;
  private final Progress progress;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, ProcessInstance> instances;
  private KeyValueStore<String, DeadlineKey> deadlines;

  ProcessManagerProcessor(
      ProcessRunner<?, ?> runner, ProcessStores stores, ProcessTopology.Settings settings) {
    this.runner = runner;
    this.stores = stores;
    this.clock = settings.clock();
    this.retention = settings.retention();
    this.progress = settings.progress();
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.instances = stores.instances().in(context);
    this.deadlines = stores.deadlines().in(context);
    context.schedule(
        DEADLINE_CHECK, PunctuationType.WALL_CLOCK_TIME, now -> fireDue(clock.instant()));
    context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> purge(clock.instant()));
  }

  @Override
  public void process(Record<String, ProcessInput> record) {
    progress.note(runner.name(), record.value().cause().at());
    ProcessInstance current = instances.get(record.key());
    apply(current, runner.react(current, record.value()));
  }

  private void fireDue(Instant now) {
    List<DeadlineKey> due = new ArrayList<>();
    try (KeyValueIterator<String, DeadlineKey> passed =
        deadlines.range(null, DeadlineKey.upTo(now))) {
      passed.forEachRemaining(entry -> due.add(entry.value));
    }
    for (DeadlineKey deadline : due) {
      deadlines.delete(deadline.key());
      progress.note(runner.name(), deadline.due());
      ProcessInstance current = instances.get(deadline.processId());
      if (current != null && deadline.due().equals(current.deadlines().get(deadline.name()))) {
        apply(current, runner.deadlinePassed(current, deadline.name(), deadline.due()));
      }
    }
  }

  private void apply(ProcessInstance before, ProcessRunner.Result result) {
    if (result.instance().isEmpty()) {
      return;
    }
    ProcessInstance after = result.instance().get();
    instances.put(after.processId(), after);
    Map<String, Instant> pending = before == null ? Map.of() : before.deadlines();
    pending.forEach(
        (name, due) -> {
          if (!due.equals(after.deadlines().get(name))) {
            deadlines.delete(new DeadlineKey(due, after.processId(), name).key());
          }
        });
    after
        .deadlines()
        .forEach(
            (name, due) -> {
              DeadlineKey deadline = new DeadlineKey(due, after.processId(), name);
              deadlines.put(deadline.key(), deadline);
            });
    long now = clock.millis();
    for (CommandWriter.Written command : result.commands()) {
      context.forward(
          new Record<>(command.aggregateId(), command.envelope(), now, command.headers()));
    }
  }

  private void purge(Instant now) {
    Instant cutoff = now.minus(retention);
    Store.purge(
        instances,
        (id, process) -> process.status().ended() && process.updatedAt().isBefore(cutoff));
  }
}
