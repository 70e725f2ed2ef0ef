package io.cairn.queries.operations;

import io.cairn.engine.views.RebuildStatus;
import io.cairn.engine.views.ViewStatus;

/** What operators and other instances ask of this instance's views, beside queries. */
public interface ViewsOperations {

  /**
   * How far the views trail the event log.
   *
   * @throws io.cairn.web.ApiException 503 while the views are being rebuilt
   */
  ViewStatus status();

  /**
   * Begins rebuilding the views from the whole event log, on every instance.
   *
   * @throws io.cairn.web.ApiException 409 when one is under way, or it cannot begin yet
   */
  RebuildStatus rebuild();

  /** The latest rebuild's status. */
  RebuildStatus rebuildStatus();

  /** Stops the views while another instance rebuilds them; returns once they are stopped. */
  void pause();

  /** Starts the views again after another instance's rebuild, answering queries if it succeeded. */
  void resume(boolean serve);
}
