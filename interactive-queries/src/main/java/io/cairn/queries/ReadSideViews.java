package io.cairn.queries;

import io.cairn.engine.views.ReadSide;
import io.cairn.engine.views.ViewsRun;
import io.cairn.queries.stores.StreamsViewsAccess;
import io.cairn.queries.stores.ViewsAccess;
import io.cairn.web.ApiException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The views of a running read side: the current run's stores, or, while a rebuild has none to
 * answer from, 503 {@code views_rebuilding} with how far it has come.
 */
final class ReadSideViews implements CurrentViews {
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final ReadSide readSide;
  private final AtomicReference<Served> served = new AtomicReference<>();

  /** The access to one run's stores, made once per run. */
  private record Served(ViewsRun run, ViewsAccess access) {}

  ReadSideViews(ReadSide readSide) {
    this.readSide = readSide;
  }

  @Override
  public ViewsAccess now() {
    ReadSide.Availability availability = readSide.availability();
    ViewsRun run =
        availability
            .run()
            .orElseThrow(
                () ->
                    ApiException.unavailable(
                        "views_rebuilding", availability.refusal(), RETRY_AFTER));
    return served
        .updateAndGet(
            current ->
                current != null && current.run() == run
                    ? current
                    : new Served(run, new StreamsViewsAccess(run.streams())))
        .access();
  }
}
