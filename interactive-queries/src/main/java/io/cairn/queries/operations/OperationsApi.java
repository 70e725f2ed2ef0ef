package io.cairn.queries.operations;

import io.cairn.engine.streams.SkippedRecords;
import io.cairn.engine.views.ReadSide;
import io.cairn.engine.views.RebuildStatus;
import io.cairn.engine.views.ViewStatus;
import io.cairn.web.auth.Scope;
import io.cairn.web.openapi.OpenApi;
import io.cairn.web.openapi.Operation;
import io.cairn.web.openapi.Schemas;
import java.util.List;

/** The views' operations in the OpenAPI document: their status, and their rebuild. */
public final class OperationsApi {
  private static final String TAG = "operations";
  private static final String INTERNAL =
      "Sent by the instance that runs a rebuild to every other instance, signed with the cluster's"
          + " secret; no client token may call it.";

  private OperationsApi() {}

  /** Describes the status and rebuild routes. */
  public static void describe(OpenApi api) {
    api.tag(TAG, "How the views are doing, and rebuilding them from the event log");
    api.path(
        "/api/v1/views/status",
        "get",
        Operation.of(TAG, "Each view's lag and skipped events", "")
            .requires(Scope.READ, Scope.ADMIN)
            .answers(
                200,
                "The status",
                Schemas.object(
                    Schemas.ordered(
                        "state", Schemas.string(),
                        "views", Schemas.arrayOf(api.records().reference(ViewStatus.Entry.class)),
                        "skipped",
                            Schemas.arrayOf(
                                api.records().reference(SkippedRecords.Count.class))))));
    api.path(
        "/api/v1/views/rebuild",
        "post",
        Operation.of(
                TAG,
                "Rebuild every view from the whole event log",
                "Queries answer 503 views_rebuilding until it is done; follow it with GET.")
            .requires(Scope.ADMIN)
            .answers(202, "Begun", api.records().reference(RebuildStatus.class))
            .fails(409, "A rebuild is under way, or cannot begin yet"));
    api.path(
        "/api/v1/views/rebuild",
        "get",
        Operation.of(TAG, "The progress of the latest rebuild", "")
            .requires(Scope.READ, Scope.ADMIN)
            .answers(200, "Its progress", api.records().reference(RebuildStatus.class)));
    api.path(
        ReadSide.PAUSE,
        "post",
        Operation.of(TAG, "Stop this instance's views for a rebuild", INTERNAL)
            .requires(Scope.INTERNAL)
            .answers(200, "Stopped", "text/plain", Schemas.string()));
    api.path(
        ReadSide.RESUME,
        "post",
        Operation.of(TAG, "Start this instance's views again after a rebuild", INTERNAL)
            .requires(Scope.INTERNAL)
            .query(
                "serve",
                "false when the rebuild failed: the views run but do not answer",
                Schemas.oneOf(List.of("true", "false")))
            .answers(200, "Started", "text/plain", Schemas.string()));
  }
}
