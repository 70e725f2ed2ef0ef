package io.cairn.engine.views;

import io.cairn.engine.streams.StreamsInstance;
import io.cairn.engine.sync.SyncProbe;
import io.cairn.engine.sync.SyncReading;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read side as it runs: the views in their own exactly-once Kafka Streams application, {@value
 * #APPLICATION_ID}, apart from the command processors, so views scale, lag and rebuild without
 * touching command processing; and their rebuild, which stops and brings them back, here and on the
 * other instances.
 */
public final class ReadSide implements AutoCloseable {
  /** The views' Kafka Streams application id. */
  public static final String APPLICATION_ID = "cairn-views";

  /**
   * Where an instance is asked to stop its views for another's rebuild ({@link #pause}); it answers
   * once they are stopped.
   */
  public static final String PAUSE = "/api/v1/views/rebuild/pause";

  /**
   * Where an instance is asked to start its views again ({@link #resume}); {@code ?serve=false}
   * after a failed rebuild.
   */
  public static final String RESUME = "/api/v1/views/rebuild/resume";

  private static final Logger log = LoggerFactory.getLogger(ReadSide.class);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private final ReadSideSetup setup;
  private final LocalStateGuard guard;
  private final ViewsRebuild rebuild;
  private volatile ViewsRun run;
  private volatile boolean serving;
  private volatile String refusal;
  // Resumes views that another instance paused and never resumed: one waiting thread at most.
  private final ScheduledExecutorService pauseLimit =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("cairn-views-pause-limit").daemon().factory());
  private ScheduledFuture<?> pausedUntil;

  /**
   * Whether the views answer queries now.
   *
   * @param run the views to read, when they answer
   * @param refusal why they do not, otherwise
   */
  public record Availability(Optional<ViewsRun> run, String refusal) {}

  private ReadSide(ReadSideSetup setup, Admin admin) {
    this.setup = setup;
    this.guard =
        new LocalStateGuard(admin, APPLICATION_ID, setup.streams().stateDir(), ADMIN_TIMEOUT);
    this.rebuild =
        new ViewsRebuild(
            new Rebuilt(),
            new InternalTopics(admin, APPLICATION_ID, ADMIN_TIMEOUT),
            guard,
            setup.kafka().clientProperties(),
            setup.aggregates().stream()
                .map(a -> setup.topics().declared().events(a.name()).name())
                .toList(),
            new RebuildPeers(setup.peers()),
            Clock.systemUTC());
  }

  /**
   * Starts the views application. Local state built against changelogs that a rebuild has since
   * replaced is dropped first, and comes back from the new ones.
   *
   * @param admin the admin client for resets and the changelogs' ids
   */
  public static ReadSide start(ReadSideSetup setup, Admin admin) {
    ReadSide side = new ReadSide(setup, admin);
    boolean stale = side.guard.stale();
    if (stale) {
      log.warn("The views were rebuilt while this instance was away: its local copy is dropped");
    }
    side.run = side.startRun(stale);
    side.serving = true;
    return side;
  }

  /** The views to read now, or why there are none to read. */
  public Availability availability() {
    ViewsRun current = run;
    String refused = refusal;
    if (refused != null) {
      return new Availability(Optional.empty(), refused);
    }
    if (!serving || current == null) {
      return new Availability(Optional.empty(), rebuildingMessage(rebuild.status()));
    }
    return new Availability(Optional.of(current), null);
  }

  /** The views application as it runs now, for readiness; none while a rebuild resets it. */
  public Optional<StreamsInstance> streamsInstance() {
    ViewsRun current = run;
    return current == null
        ? Optional.empty()
        : Optional.of(new StreamsInstance(APPLICATION_ID, current.streams()));
  }

  /**
   * How each view keeps up with the event log: stopped, for the reason queries are refused, while
   * the views do not answer (a rebuild, say).
   */
  public SyncProbe syncProbe() {
    return () -> {
      Availability now = availability();
      if (now.run().isPresent()) {
        return now.run().get().status().sync();
      }
      return setup.projections().stream()
          .map(view -> SyncReading.stopped(ViewStatus.SYNC_KIND, view.name(), now.refusal()))
          .toList();
    };
  }

  /**
   * Begins rebuilding the views from the whole event log, on every instance; it goes on in the
   * background.
   *
   * @throws RebuildRefused when one is under way, or other instances run the views where this one
   *     cannot reach them yet
   */
  public RebuildStatus rebuild() {
    return rebuild.start();
  }

  /** The latest rebuild's status. */
  public RebuildStatus rebuildStatus() {
    return rebuild.status();
  }

  /** Stops the views while another instance rebuilds them; returns once they are stopped. */
  public synchronized void pause() {
    refusal = "Another instance is rebuilding the views; try again later.";
    serving = false;
    stopRun();
    guard.forget();
    if (pausedUntil != null) {
      pausedUntil.cancel(false);
    }
    Duration limit = setup.views().pauseMax();
    pausedUntil = pauseLimit.schedule(this::resumeUnasked, limit.toMillis(), TimeUnit.MILLISECONDS);
    log.info("Views stopped while another instance rebuilds them, for {} at most", limit);
  }

  /**
   * Starts again views that another instance stopped and did not start again within {@code
   * views.pause.max}: it may have died mid-rebuild, and views stopped for good answer nothing. They
   * refuse queries until a rebuild completes, since the changelogs may be half rebuilt.
   */
  private synchronized void resumeUnasked() {
    if (run != null) {
      return;
    }
    startEmptyIfStopped();
    refusal =
        "The views' rebuild on another instance did not finish within views.pause.max;"
            + " run bin/cairn rebuild-views.";
    log.warn(
        "Views started again after {} stopped for another instance's rebuild, which never said it"
            + " was done; they answer 503 until bin/cairn rebuild-views completes",
        setup.views().pauseMax());
  }

  /**
   * Starts the views again on the changelogs another instance has rebuilt.
   *
   * @param serve whether that rebuild succeeded, so the views may answer queries again
   */
  public synchronized void resume(boolean serve) {
    if (pausedUntil != null) {
      pausedUntil.cancel(false);
      pausedUntil = null;
    }
    startEmptyIfStopped();
    if (serve) {
      refusal = null;
      serving = true;
    } else {
      refusal = "The views' last rebuild, on another instance, failed; rebuild them again.";
    }
    log.info("Views started again after another instance's rebuild");
  }

  /** Stops a rebuild under way, then the views, which commit and leave their group. */
  @Override
  public void close() {
    pauseLimit.shutdownNow();
    rebuild.close();
    stopRun();
  }

  private ViewsRun startRun(boolean wipeLocalState) {
    return ViewsRun.start(setup, wipeLocalState, guard::note);
  }

  private void stopRun() {
    ViewsRun current = run;
    run = null;
    if (current != null) {
      current.close();
    }
  }

  private void startEmptyIfStopped() {
    if (run == null) {
      run = startRun(true);
    }
  }

  private static String rebuildingMessage(RebuildStatus status) {
    if (status.state().equals("failed")) {
      return "The views' last rebuild failed (" + status.error() + "); rebuild them again.";
    }
    String progress =
        status.recordsTotal() == 0
            ? status.state()
            : "%d%% of the event log replayed"
                .formatted(status.recordsDone() * 100 / status.recordsTotal());
    return "The views are being rebuilt (%s); try again later.".formatted(progress);
  }

  /** How a rebuild stops, empties and brings back this instance's views. */
  private final class Rebuilt implements ViewsRebuild.Views {
    @Override
    public Set<String> ownClientIds() {
      ViewsRun current = run;
      return current == null
          ? Set.of()
          : current.streams().metadataForLocalThreads().stream()
              .map(ThreadMetadata::consumerClientId)
              .collect(Collectors.toSet());
    }

    @Override
    public void refuseQueries() {
      serving = false;
    }

    @Override
    public void stop() {
      stopRun();
    }

    @Override
    public ViewsRun startEmpty() {
      run = startRun(true);
      return run;
    }

    @Override
    public void serve() {
      refusal = null;
      serving = true;
    }

    @Override
    public Set<HostInfo> peers() {
      ViewsRun current = run;
      return current == null
          ? Set.of()
          : current.streams().metadataForAllStreamsClients().stream()
              .map(StreamsMetadata::hostInfo)
              .filter(host -> !host.equals(setup.self()))
              .collect(Collectors.toSet());
    }

    @Override
    public void recover() {
      startEmptyIfStopped();
    }
  }
}
