package io.cairn.queries.operations;

import io.cairn.engine.views.ViewStatus;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The views' status and rebuild endpoints. Stopping and starting the views for another instance's
 * rebuild takes seconds, so it runs off the request threads.
 */
public final class OperationsHandlers implements AutoCloseable {
  private final ViewsOperations views;
  private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

  /** Handlers over these operations. */
  public OperationsHandlers(ViewsOperations views) {
    this.views = views;
  }

  /** GET /api/v1/views/status. */
  public void status(Context ctx) {
    ViewStatus status = views.status();
    ctx.json(Map.of("state", status.state(), "views", status.all(), "skipped", status.skipped()));
  }

  /** POST /api/v1/views/rebuild: 202, and the rebuild goes on. */
  public void rebuild(Context ctx) {
    ctx.status(202).json(views.rebuild());
  }

  /** GET /api/v1/views/rebuild. */
  public void rebuildStatus(Context ctx) {
    ctx.json(views.rebuildStatus());
  }

  /** POST of another instance's rebuild: stop the views. */
  public void pause(Context ctx) {
    ctx.future(() -> CompletableFuture.runAsync(views::pause, background));
  }

  /**
   * POST of another instance's rebuild: start the views again; {@code ?serve=false} if it failed.
   */
  public void resume(Context ctx) {
    boolean serve = !"false".equals(ctx.queryParam("serve"));
    ctx.future(() -> CompletableFuture.runAsync(() -> views.resume(serve), background));
  }

  @Override
  public void close() {
    background.close();
  }
}
