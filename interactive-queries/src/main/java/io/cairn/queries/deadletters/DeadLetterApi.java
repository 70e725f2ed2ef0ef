package io.cairn.queries.deadletters;

import io.cairn.queries.http.Documented;
import io.cairn.web.auth.Scope;
import io.cairn.web.openapi.OpenApi;
import io.cairn.web.openapi.Operation;

/** The dead-letter queue in the OpenAPI document: its entries, and retrying one. */
public final class DeadLetterApi {
  private static final String TAG = "dead letters";

  private DeadLetterApi() {}

  /** Describes the list and the retry. */
  public static void describe(OpenApi api) {
    api.tag(TAG, "What could not be processed, with its reason, and retrying it");
    api.path(
        "/api/v1/dlq",
        "get",
        Documented.badParameters(
            Documented.paged(
                Operation.of(TAG, "The entries, newest first, and counts by reason", "")
                    .requires(Scope.ADMIN)
                    .answers(
                        200,
                        "A page of entries",
                        api.records().reference(DeadLetterRoutes.Listed.class)))));
    api.path(
        "/api/v1/dlq/{entry}/retry",
        "post",
        Operation.of(TAG, "Put an entry's record back on its topic", "At most once per entry")
            .requires(Scope.ADMIN)
            .pathParameter("entry", "The entry's id")
            .answers(202, "Retried", api.records().reference(DeadLetterRoutes.Retried.class))
            .fails(404, "There is no such entry", "dead_letter_not_found")
            .fails(409, "Already retried, or not retryable", "already_retried", "not_retryable"));
  }
}
