package io.cairn.analytics;

import io.cairn.core.report.Report;
import io.cairn.core.report.Tracking;
import io.cairn.engine.views.stores.DecodedEvent;
import io.cairn.kafka.stores.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns a tracked aggregate type's events into a report's deltas, keeping each aggregate's memory
 * between its events. A memory that ends after an idle time ends before its aggregate's next event
 * is taken, if that event comes after its end; the others end in the order of their ends, each at
 * its own time, once a minute of the partition's event time has passed them; so a replay ends them
 * at the same points. A partition that has had no event for {@link ReportSettings#caughtUpAfter()}
 * is caught up, and its memories end by the clock instead, so that a quiet shop still sees its
 * sessions end.
 */
final class TrackingProcessor<D>
    implements Processor<String, DecodedEvent, String, WindowDelta<D>> {
  private static final Duration CLOCK_CHECK = Duration.ofSeconds(30);
  // Other aggregates' ends are looked for once a minute of the events' time, not at every event:
  // each still ends at its own time; only an aggregate's own next event ends it at once.
  private static final long SWEEP_EVERY_MILLIS = Duration.ofMinutes(1).toMillis();

  private final Report.Tracked<D> tracked;
  private final Optional<Duration> idle;
  private final Store<String, ReportStores.Memory<Object>> memoriesStore;
  private final Store<String, String> idleEndsStore;
  private final DeltaForwarder<D> forwarder;
  private final ReportActivity activity;
  private ProcessorContext<String, WindowDelta<D>> context;
  private KeyValueStore<String, ReportStores.Memory<Object>> memories;
  private KeyValueStore<String, String> idleEnds;
  private long seen = Long.MIN_VALUE;
  private long sweptUpTo = Long.MIN_VALUE / 2;
  private final Silence silence;

  TrackingProcessor(
      Report.Tracked<D> tracked,
      Store<String, ReportStores.Memory<Object>> memories,
      Store<String, String> idleEnds,
      DeltaForwarder<D> forwarder,
      ReportActivity activity,
      Duration caughtUpAfter) {
    this.silence = new Silence(caughtUpAfter);
    this.tracked = tracked;
    this.idle = tracked.idle();
    this.memoriesStore = memories;
    this.idleEndsStore = idleEnds;
    this.forwarder = forwarder;
    this.activity = activity;
  }

  @Override
  public void init(ProcessorContext<String, WindowDelta<D>> context) {
    this.context = context;
    memories = memoriesStore.in(context);
    if (idle.isPresent()) {
      idleEnds = idleEndsStore.in(context);
      context.schedule(CLOCK_CHECK, PunctuationType.WALL_CLOCK_TIME, this::endBySilence);
    }
  }

  @Override
  public void process(Record<String, DecodedEvent> record) {
    long start = System.nanoTime();
    try {
      take(record);
    } finally {
      activity.spentSince(start);
    }
  }

  private void take(Record<String, DecodedEvent> record) {
    DecodedEvent event = record.value();
    long at = event.occurredAt().toEpochMilli();
    if (idle.isPresent() && at >= sweptUpTo + SWEEP_EVERY_MILLIS) {
      endIdleUpTo(at);
      sweptUpTo = at;
    }
    String id = event.aggregateId();
    ReportStores.Memory<Object> before = memories.get(id);
    if (before != null && endsBy(before, at)) {
      // Its own next event ends it at once; the memory is replaced or forgotten just below.
      end(before, endOf(before));
      before = null;
    }
    seen = Math.max(seen, at);
    silence.heard();
    Tracking.Step<?, D> step =
        tracked.step(before == null ? null : before.memory(), event.event(), event.aggregate());
    forwarder.forward(context, step.adds(), at, seen);
    if (step.memory() == null) {
      memories.delete(id);
      return;
    }
    ReportStores.Memory<Object> after =
        new ReportStores.Memory<>(
            step.memory(), before == null ? at : Math.max(before.lastAt(), at));
    memories.put(id, after);
    if (idle.isPresent()) {
      // The entry of its earlier end stays until due, when it no longer matches the memory.
      idleEnds.put(endKey(endOf(after), id), id);
    }
  }

  private boolean endsBy(ReportStores.Memory<Object> memory, long at) {
    return idle.isPresent() && endOf(memory) <= at;
  }

  private long endOf(ReportStores.Memory<Object> memory) {
    return memory.lastAt() + idle.orElseThrow().toMillis();
  }

  private void end(ReportStores.Memory<Object> memory, long endsAt) {
    forwarder.forward(context, tracked.ended(memory.memory()), endsAt, seen);
  }

  private void endBySilence(long now) {
    long start = System.nanoTime();
    try {
      if (silence.silentAt(now)) {
        endIdleUpTo(now);
      }
    } finally {
      activity.spentSince(start);
    }
  }

  /**
   * Ends, earliest first, every memory whose idle end is at or before the time. An entry whose
   * memory has moved on since, to a later end, is only dropped.
   */
  private void endIdleUpTo(long time) {
    if (idle.isEmpty()) {
      return;
    }
    for (KeyValue<String, String> due : ReportStores.dueBy(idleEnds, time)) {
      idleEnds.delete(due.key);
      long endsAt = ReportStores.dueAt(due.key);
      ReportStores.Memory<Object> memory = memories.get(due.value);
      if (memory != null && endOf(memory) == endsAt) {
        memories.delete(due.value);
        end(memory, endsAt);
      }
    }
  }

  private static String endKey(long endsAt, String id) {
    return ReportStores.instant(Instant.ofEpochMilli(endsAt)) + ReportStores.SEPARATOR + id;
  }
}
