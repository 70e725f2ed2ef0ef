package io.cairn.queries;

import io.cairn.web.ApiException;
import io.cairn.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The query parameters of the events endpoint, checked: fromVersion (default 1), limit (default
 * 100, at most 1,000) and cursor, which stands for a fromVersion a previous page gave out.
 */
record HistoryParams(long fromVersion, int limit) {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1_000;

  static HistoryParams read(Function<String, String> query) {
    List<FieldProblem> problems = new ArrayList<>();
    long from = number(query.apply("fromVersion"), "fromVersion", 1, Long.MAX_VALUE, 1, problems);
    long limit = number(query.apply("limit"), "limit", 1, MAX_LIMIT, DEFAULT_LIMIT, problems);
    String cursor = query.apply("cursor");
    if (cursor != null) {
      var version = Cursor.version(cursor);
      if (version.isEmpty()) {
        problems.add(FieldProblem.invalidFormat("cursor", "a nextCursor from a previous page"));
      } else {
        from = version.get();
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiException(
          400,
          "validation_failed",
          "The query parameters are not valid.",
          Map.of("fields", problems));
    }
    return new HistoryParams(from, (int) limit);
  }

  private static long number(
      String text, String name, long min, long max, long fallback, List<FieldProblem> problems) {
    if (text == null) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      problems.add(FieldProblem.wrongType(name, "a whole number"));
      return fallback;
    }
    problems.add(FieldProblem.outOfRange(name, "between " + min + " and " + max));
    return fallback;
  }
}
