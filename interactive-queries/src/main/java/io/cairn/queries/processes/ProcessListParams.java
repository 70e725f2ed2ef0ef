package io.cairn.queries.processes;

import io.cairn.core.reaction.ProcessStatus;
import io.cairn.queries.http.Parameters;
import io.cairn.queries.http.QueryParams;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters of a list of processes: {@code status}, {@code olderThan} (an ISO-8601
 * duration: processes whose latest step is at least this old, the stuck ones), limit and cursor.
 *
 * @param status the status listed, any when empty
 * @param olderThan how long ago at least their latest step was, any age when empty
 * @param limit the most items on the page
 * @param after the id the page starts after, empty for the first page
 */
public record ProcessListParams(
    Optional<ProcessStatus> status,
    Optional<Duration> olderThan,
    int limit,
    Optional<String> after) {

  /** The parameters, read and checked. */
  public static final Parameters<ProcessListParams> PARAMETERS =
      new Parameters<>(Set.of("status", "olderThan", "limit", "cursor"), ProcessListParams::read);

  private static ProcessListParams read(QueryParams params) {
    Optional<ProcessStatus> status =
        params.parsed(
            "status", "RUNNING, COMPLETED, COMPENSATED or FAILED", ProcessStatus::valueOf, null);
    Optional<Duration> olderThan =
        params.parsed(
            "olderThan", "an ISO-8601 duration such as PT5M", ProcessListParams::age, null);
    return new ProcessListParams(status, olderThan, params.limit(), params.cursor());
  }

  private static Duration age(String text) {
    Duration age = Duration.parse(text);
    if (age.isNegative()) {
      throw new IllegalArgumentException("negative");
    }
    return age;
  }
}
