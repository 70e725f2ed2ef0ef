package io.cairn.queries.processes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.reaction.ProcessManager;
import io.cairn.core.reaction.ProcessStatus;
import io.cairn.engine.reactions.ProcessTrace;
import io.cairn.queries.http.Documented;
import io.cairn.web.auth.Scope;
import io.cairn.web.openapi.OpenApi;
import io.cairn.web.openapi.Operation;
import io.cairn.web.openapi.Schemas;
import java.util.Arrays;
import java.util.List;

/**
 * The process managers' routes in the OpenAPI document: each manager's processes, listed or one.
 */
public final class ProcessApi {
  private static final String TAG = "processes";

  private ProcessApi() {}

  /** Describes the routes of each manager. */
  public static void describe(OpenApi api, List<ProcessManager<?, ?>> managers) {
    api.tag(TAG, "Process managers: each process's state, deadlines and the steps it took");
    List<String> statuses = Arrays.stream(ProcessStatus.values()).map(Enum::name).toList();
    for (ProcessManager<?, ?> manager : managers) {
      ObjectNode process = process(api, manager, statuses);
      String path = "/api/v1/processes/" + manager.name();
      Operation list =
          Operation.of(TAG, "List the " + manager.name() + " processes", "In id order, by pages")
              .requires(Scope.READ)
              .query("status", "Only those of this status", Schemas.oneOf(statuses))
              .query(
                  "olderThan",
                  "An ISO-8601 duration: only those whose latest step is at least this old",
                  Schemas.string().put("format", "duration"));
      api.path(
          path,
          "get",
          Documented.badParameters(Documented.paged(Documented.consistency(list)))
              .answers(200, "A page of processes", Schemas.page(process)));
      Operation one =
          Operation.of(TAG, "Read one " + manager.name() + " process", "")
              .requires(Scope.READ, Scope.CUSTOMER)
              .pathParameter("id", "The process's id");
      api.path(
          path + "/{id}",
          "get",
          Documented.badParameters(Documented.consistency(one))
              .answers(200, "The process", process)
              .fails(404, "There is no such process", "process_not_found"));
    }
  }

  private static ObjectNode process(
      OpenApi api, ProcessManager<?, ?> manager, List<String> statuses) {
    return Schemas.object(
        Schemas.ordered(
            "name", Schemas.constant(manager.name()),
            "id", Schemas.string(),
            "status", Schemas.oneOf(statuses),
            "state", api.records().reference(manager.state()),
            "correlationId", Schemas.nullableString(),
            "startedAt", Schemas.instant(),
            "updatedAt", Schemas.instant(),
            "deadlines", Schemas.arrayOf(api.records().reference(ProcessAnswer.Deadline.class)),
            "steps", Schemas.arrayOf(api.records().reference(ProcessTrace.class)),
            "stepCount", Schemas.integer()));
  }
}
