package io.cairn.app.views;

import io.cairn.app.health.StreamsInstance;
import io.cairn.queries.QueryRoutes;
import io.cairn.topology.topics.CairnTopics;
import io.cairn.web.ApiException;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read side as it runs: the views in their own exactly-once Kafka Streams application, apart
 * from the write side's, so views scale, lag and rebuild without touching command processing; and
 * the query routes over them, which a rebuild takes down and brings back.
 */
public final class ViewsSide implements AutoCloseable {
  /** The views' Kafka Streams application id. */
  public static final String APPLICATION_ID = "cairn-views";

  private static final Logger log = LoggerFactory.getLogger(ViewsSide.class);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final ViewsSetup setup;
  private final LocalStateGuard guard;
  private final ViewsRebuild rebuild;
  private volatile ViewsRuntime runtime;
  private volatile boolean serving;
  private volatile String refusal;
  private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

  private ViewsSide(ViewsSetup setup, Admin admin) {
    this.setup = setup;
    this.guard =
        new LocalStateGuard(admin, APPLICATION_ID, setup.processing().stateDir(), ADMIN_TIMEOUT);
    CairnTopics topics = new CairnTopics(setup.topicDefaults());
    this.rebuild =
        new ViewsRebuild(
            new Rebuilt(),
            new InternalTopics(admin, APPLICATION_ID, ADMIN_TIMEOUT),
            guard,
            setup.kafka().clientProperties(),
            setup.types().stream().map(t -> topics.events(t.name()).name()).toList(),
            Clock.systemUTC());
  }

  /**
   * Starts the views application. Local state built against changelogs that a rebuild has since
   * replaced is dropped first, and comes back from the new ones.
   *
   * @param admin the admin client for resets and the changelogs' ids
   */
  public static ViewsSide start(ViewsSetup setup, Admin admin) {
    ViewsSide side = new ViewsSide(setup, admin);
    boolean stale = side.guard.stale();
    if (stale) {
      log.warn("The views were rebuilt while this instance was away: its local copy is dropped");
    }
    side.runtime = side.startRuntime(stale);
    side.serving = true;
    return side;
  }

  private ViewsRuntime startRuntime(boolean wipeLocalState) {
    return ViewsRuntime.start(setup, wipeLocalState, guard::note);
  }

  /** Stops the views application, if it runs. */
  private void stopRuntime() {
    ViewsRuntime current = runtime;
    runtime = null;
    if (current != null) {
      current.close();
    }
  }

  /** Starts the views on empty local state, unless they run. */
  private void startEmptyIfStopped() {
    if (runtime == null) {
      runtime = startRuntime(true);
    }
  }

  /** The views application as it runs now, for readiness; none while a rebuild resets it. */
  public Optional<StreamsInstance> streamsInstance() {
    ViewsRuntime current = runtime;
    return current == null
        ? Optional.empty()
        : Optional.of(new StreamsInstance(APPLICATION_ID, current.streams()));
  }

  /** Installs the rebuild routes and the query routes. */
  public void install(RoutesConfig routes) {
    // Before the query routes, which would read "views" as a view's name.
    routes.post("/api/v1/views/rebuild", ctx -> ctx.status(202).json(rebuild.start()));
    routes.get("/api/v1/views/rebuild", ctx -> ctx.json(rebuild.status()));
    // Another instance's rebuild: stopping and starting the views takes seconds, off the request
    // threads.
    routes.post(
        RebuildPeers.PAUSE,
        ctx -> ctx.future(() -> CompletableFuture.runAsync(this::pause, background)));
    routes.post(
        RebuildPeers.RESUME,
        ctx -> {
          boolean serve = !"false".equals(ctx.queryParam("serve"));
          ctx.future(() -> CompletableFuture.runAsync(() -> resume(serve), background));
        });
    QueryRoutes.install(routes, this::queries);
  }

  /** Stops the views while another instance rebuilds them. */
  private synchronized void pause() {
    refusal = "Another instance is rebuilding the views; try again later.";
    serving = false;
    stopRuntime();
    guard.forget();
    log.info("Views stopped while another instance rebuilds them");
  }

  /** Starts the views again on the changelogs another instance has rebuilt. */
  private synchronized void resume(boolean serve) {
    startEmptyIfStopped();
    if (serve) {
      refusal = null;
      serving = true;
    } else {
      refusal = "The views' last rebuild, on another instance, failed; rebuild them again.";
    }
    log.info("Views started again after another instance's rebuild");
  }

  private QueryRoutes queries() {
    ViewsRuntime current = runtime;
    String refused = refusal;
    if (refused != null) {
      throw ApiException.unavailable("views_rebuilding", refused, RETRY_AFTER);
    }
    if (!serving || current == null) {
      RebuildStatus status = rebuild.status();
      String message =
          status.state().equals("failed")
              ? "The views' last rebuild failed (" + status.error() + "); rebuild them again."
              : "The views are being rebuilt (%s); try again later.".formatted(progress(status));
      throw ApiException.unavailable("views_rebuilding", message, RETRY_AFTER);
    }
    return current.routes();
  }

  private static String progress(RebuildStatus status) {
    return status.recordsTotal() == 0
        ? status.state()
        : "%d%% of the event log replayed"
            .formatted(status.recordsDone() * 100 / status.recordsTotal());
  }

  /** Stops a rebuild under way, then the views, which commit and leave their group. */
  @Override
  public void close() {
    rebuild.close();
    background.close();
    stopRuntime();
  }

  /** How a rebuild stops, empties and brings back this instance's views. */
  private final class Rebuilt implements ViewsRebuild.Views {
    @Override
    public Set<String> ownClientIds() {
      ViewsRuntime current = runtime;
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
      stopRuntime();
    }

    @Override
    public ViewsRuntime startEmpty() {
      runtime = startRuntime(true);
      return runtime;
    }

    @Override
    public void serve() {
      refusal = null;
      serving = true;
    }

    @Override
    public Set<HostInfo> peers() {
      ViewsRuntime current = runtime;
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
