package io.cairn.engine.views;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the views from the whole event log, while the write side goes on: stops the views, on
 * every instance, resets their application (group and internal topics), starts them again here on
 * empty stores and follows the replay until it has caught up with where the log ended when it
 * began. Queries are refused meanwhile rather than answered from half-built views.
 */
final class ViewsRebuild {
  private static final Logger log = LoggerFactory.getLogger(ViewsRebuild.class);
  private static final Duration LOOK_EVERY = Duration.ofMillis(500);
  private static final Duration STALL = Duration.ofSeconds(5);

  /** What a rebuild does to the running views. */
  interface Views {
    /** The client ids of this instance's views consumers, told apart from other instances'. */
    Set<String> ownClientIds();

    /** Stops answering queries, at once. */
    void refuseQueries();

    /** Stops the views application. */
    void stop();

    /** Starts the views application on empty stores, still not answering queries. */
    ViewsRun startEmpty();

    /** Answers queries again. */
    void serve();

    /** Where the other instances running the views answer, as they advertise it. */
    Set<HostInfo> peers();

    /**
     * After a failed rebuild: starts the views again if they are stopped, still refusing queries,
     * so the instance takes part in the next rebuild.
     */
    void recover();
  }

  private final Views views;
  private final ViewsReset reset;
  private final LocalStateGuard guard;
  private final InternalTopics internal;
  private final Properties clientProperties;
  private final List<String> eventTopics;
  private final Clock clock;
  private final RebuildPeers peers;
  private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.idle());
  private Thread worker;
  private volatile boolean closing;

  ViewsRebuild(
      Views views,
      InternalTopics internal,
      LocalStateGuard guard,
      Properties clientProperties,
      List<String> eventTopics,
      RebuildPeers peers,
      Clock clock) {
    this.peers = peers;
    this.views = views;
    this.internal = internal;
    this.reset = new ViewsReset(internal.admin(), internal.applicationId(), internal.timeout());
    this.guard = guard;
    this.clientProperties = clientProperties;
    this.eventTopics = List.copyOf(eventTopics);
    this.clock = clock;
  }

  /** The latest rebuild's status. */
  RebuildStatus status() {
    return status.get();
  }

  /**
   * Begins a rebuild, which goes on in the background.
   *
   * @throws RebuildRefused when one is under way, or other instances run the views
   */
  synchronized RebuildStatus start() {
    if (status.get().running()) {
      throw new RebuildRefused(
          "rebuild_in_progress", "The views are being rebuilt already.", details());
    }
    List<String> members = reset.otherMembers(views.ownClientIds());
    Set<HostInfo> others = views.peers();
    if (!members.isEmpty() && others.isEmpty()) {
      throw new RebuildRefused(
          "views_running_elsewhere",
          "Other instances run the views, and this one does not know where they answer yet; try"
              + " again once the instances have settled, or stop them and rebuild here.",
          Map.of("members", members));
    }
    status.set(RebuildStatus.resetting(clock.instant()));
    // Before the answer, so no query the client sends after it reads the views being emptied.
    views.refuseQueries();
    worker = Thread.ofVirtual().name("cairn-views-rebuild").start(() -> run(others));
    return status.get();
  }

  private Map<String, Object> details() {
    return Map.of("status", status.get());
  }

  /**
   * The rebuild itself. The other instances stop their views first, so that the group is empty for
   * the reset; this one replays the whole log alone, then they start again on the new changelogs,
   * each answering queries by forwarding them until it holds partitions of its own again.
   */
  private void run(Set<HostInfo> others) {
    Instant began = clock.instant();
    List<HostInfo> paused = new ArrayList<>();
    boolean rebuilt = false;
    try {
      for (HostInfo other : others) {
        peers.pause(other);
        paused.add(other);
      }
      views.stop();
      guard.forget();
      reset.reset();
      Duration resetTook = Duration.between(began, clock.instant());
      log.info("Views reset in {} ms; replaying the event log", resetTook.toMillis());
      try (ReplayProgress progress =
          ReplayProgress.capture(internal.admin(), internal, clientProperties, eventTopics)) {
        replay(views.startEmpty(), progress, resetTook);
      }
      views.serve();
      rebuilt = true;
      RebuildStatus done = status.get();
      log.info(
          "Views rebuilt from {} events in {} s ({} events/s)",
          done.events(),
          done.replaySeconds(),
          done.eventsPerSecond());
    } catch (RuntimeException e) {
      log.error("Rebuilding the views failed; queries stay refused until a rebuild succeeds", e);
      status.updateAndGet(s -> s.failed(clock.instant(), e.getMessage()));
      if (!closing) {
        views.recover();
      }
    } finally {
      resume(paused, rebuilt);
    }
  }

  private void resume(List<HostInfo> paused, boolean rebuilt) {
    for (HostInfo other : paused) {
      try {
        peers.resume(other, rebuilt);
      } catch (RuntimeException e) {
        log.error("{} did not start its views again; restart it", RebuildPeers.name(other), e);
      }
    }
  }

  private void replay(ViewsRun runtime, ReplayProgress progress, Duration resetTook) {
    Instant started = clock.instant();
    long total = progress.total();
    long lastDone = -1;
    Instant lastMove = started;
    while (true) {
      boolean stalled = Duration.between(lastMove, clock.instant()).compareTo(STALL) > 0;
      ReplayProgress.Position position = progress.poll(stalled);
      long events = runtime.eventsFolded();
      if (position.done() != lastDone) {
        lastDone = position.done();
        lastMove = clock.instant();
      }
      Instant now = clock.instant();
      Duration took = Duration.between(started, now);
      status.updateAndGet(
          s ->
              s.replaying(
                  now, resetTook, took, total, position.done(), events, position.caughtUp()));
      if (position.caughtUp()) {
        return;
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(LOOK_EVERY);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the rebuild was interrupted, as the app stops", e);
    }
  }

  /** Stops a rebuild under way, as the app stops. */
  void close() {
    closing = true;
    Thread running;
    synchronized (this) {
      running = worker;
    }
    if (running != null && running.isAlive()) {
      running.interrupt();
      try {
        running.join(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
