package io.cairn.queries.http;

import io.cairn.queries.consistency.ConsistencyWait;
import io.cairn.web.openapi.Operation;
import io.cairn.web.openapi.Schemas;
import java.util.List;

/** The query parameters many queries share, as the OpenAPI document describes them. */
public final class Documented {
  private Documented() {}

  /** What a read waits for and how fresh it must be, which every view query takes. */
  public static Operation consistency(Operation operation) {
    return operation
        .query(
            "consistencyToken",
            "A command's consistencyToken: the answer waits until the view has caught up with it",
            Schemas.string())
        .header(ConsistencyWait.TOKEN_HEADER, "The same as the consistencyToken parameter", false)
        .query(
            "waitMs",
            "How long to wait for the token, in milliseconds (default 5,000)",
            Schemas.integer(0, 30_000))
        .query(
            "consistency",
            "eventual (the default) lets a standby answer when the active cannot; strong does not",
            Schemas.oneOf(List.of("eventual", "strong")));
  }

  /** The page size and the cursor of a list. */
  public static Operation paged(Operation operation) {
    return operation
        .query(
            "limit",
            "The most items on the page: 1 to 1,000, 100 by default",
            Schemas.integer(1, 1_000))
        .query("cursor", "The nextCursor of the previous page", Schemas.string());
  }

  /** The 400 of a query whose parameters are wrong, one entry per problem. */
  public static Operation badParameters(Operation operation) {
    return operation.fails(400, "A query parameter is wrong", "validation_failed");
  }
}
