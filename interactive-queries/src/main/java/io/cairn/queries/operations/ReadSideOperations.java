package io.cairn.queries.operations;

import io.cairn.engine.views.ReadSide;
import io.cairn.engine.views.RebuildRefused;
import io.cairn.engine.views.RebuildStatus;
import io.cairn.engine.views.ViewStatus;
import io.cairn.web.ApiException;
import java.time.Duration;

/** The operations of a running read side, with their refusals in the API's error shape. */
public final class ReadSideOperations implements ViewsOperations {
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final ReadSide readSide;

  /** The operations of this read side. */
  public ReadSideOperations(ReadSide readSide) {
    this.readSide = readSide;
  }

  @Override
  public ViewStatus status() {
    ReadSide.Availability availability = readSide.availability();
    return availability
        .run()
        .orElseThrow(
            () -> ApiException.unavailable("views_rebuilding", availability.refusal(), RETRY_AFTER))
        .status();
  }

  @Override
  public RebuildStatus rebuild() {
    try {
      return readSide.rebuild();
    } catch (RebuildRefused e) {
      throw new ApiException(409, e.code(), e.getMessage(), e.details());
    }
  }

  @Override
  public RebuildStatus rebuildStatus() {
    return readSide.rebuildStatus();
  }

  @Override
  public void pause() {
    readSide.pause();
  }

  @Override
  public void resume(boolean serve) {
    readSide.resume(serve);
  }
}
