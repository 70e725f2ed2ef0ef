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
 * between its events. Memories that end after an idle time end, in the order of their ends, as soon
 * as the partition's event time passes them, before the event that passed them is taken; so a
 * replay ends them at the same points. A partition that has had no event for {@link
 * ReportSettings#caughtUpAfter()} is caught up, and its memories end by the clock instead, so that
 * a quiet shop still sees its sessions end.
 */
final class TrackingProcessor<D>
    implements Processor<String, DecodedEvent, String, WindowDelta<D>> {
  private static final Duration CLOCK_CHECK = Duration.ofSeconds(30);

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
    endIdleUpTo(at);
    seen = Math.max(seen, at);
    silence.heard();
    String id = event.aggregateId();
    ReportStores.Memory<Object> before = memories.get(id);
    Tracking.Step<?, D> step =
        tracked.step(before == null ? null : before.memory(), event.event(), event.aggregate());
    forwarder.forward(context, step.adds(), at, seen);
    idle.ifPresent(gap -> forgetEnd(before, id, gap));
    if (step.memory() == null) {
      memories.delete(id);
      return;
    }
    long lastAt = before == null ? at : Math.max(before.lastAt(), at);
    memories.put(id, new ReportStores.Memory<>(step.memory(), lastAt));
    idle.ifPresent(gap -> idleEnds.put(endKey(lastAt + gap.toMillis(), id), id));
  }

  private void forgetEnd(ReportStores.Memory<Object> before, String id, Duration gap) {
    if (before != null) {
      idleEnds.delete(endKey(before.lastAt() + gap.toMillis(), id));
    }
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

  /** Ends, earliest first, every memory whose idle end is at or before the time. */
  private void endIdleUpTo(long time) {
    if (idle.isEmpty()) {
      return;
    }
    for (KeyValue<String, String> end : ReportStores.dueBy(idleEnds, time)) {
      long endsAt = ReportStores.dueAt(end.key);
      ReportStores.Memory<Object> memory = memories.get(end.value);
      idleEnds.delete(end.key);
      memories.delete(end.value);
      if (memory != null) {
        forwarder.forward(context, tracked.ended(memory.memory()), endsAt, seen);
      }
    }
  }

  private static String endKey(long endsAt, String id) {
    return ReportStores.instant(Instant.ofEpochMilli(endsAt)) + ReportStores.SEPARATOR + id;
  }
}
