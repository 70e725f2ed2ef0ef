package io.cairn.queries.http;

import io.cairn.web.ApiException;
import io.cairn.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A request's query parameters, read one by one: every problem, an unknown name included, is
 * gathered into one 400 validation_failed, so a misspelt filter is an error rather than ignored.
 */
public final class QueryParams {
  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 1_000;

  private final Map<String, List<String>> values;
  private final List<FieldProblem> problems = new ArrayList<>();

  /**
   * @param values the request's query parameters
   * @param known the names the endpoint takes; any other is a problem
   */
  public QueryParams(Map<String, List<String>> values, Set<String> known) {
    this.values = values;
    values.keySet().stream()
        .filter(name -> !known.contains(name))
        .sorted()
        .forEach(name -> problems.add(FieldProblem.unknown(name)));
  }

  /** A parameter's value, or null when it is absent. */
  public String text(String name) {
    List<String> given = values.get(name);
    return given == null || given.isEmpty() ? null : given.getFirst();
  }

  /** A whole number between min and max, or the fallback when absent. */
  public long number(String name, long min, long max, long fallback) {
    return parsed(name, "a whole number", Long::valueOf, fallback)
        .filter(
            value -> {
              boolean inRange = value >= min && value <= max;
              if (!inRange) {
                problems.add(FieldProblem.outOfRange(name, "between " + min + " and " + max));
              }
              return inRange;
            })
        .orElse(fallback);
  }

  /** The {@code limit} of a page: 1 to 1,000 items, 100 when not given. */
  public int limit() {
    return (int) number("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
  }

  /** The position of the cursor parameter, a nextCursor from an earlier page. */
  public Optional<String> cursor() {
    String cursor = text("cursor");
    if (cursor == null) {
      return Optional.empty();
    }
    Optional<String> position = Cursor.position(cursor);
    if (position.isEmpty()) {
      invalid("cursor", "a nextCursor from a previous page");
    }
    return position;
  }

  /** Records a parameter whose value is not in the form expected. */
  public void invalid(String name, String format) {
    problems.add(FieldProblem.invalidFormat(name, format));
  }

  /** A parameter parsed by a function that throws IllegalArgumentException on a bad value. */
  public <T> Optional<T> parsed(
      String name, String expected, Function<String, T> parse, T fallback) {
    String text = text(name);
    if (text == null) {
      return Optional.ofNullable(fallback);
    }
    try {
      return Optional.of(parse.apply(text));
    } catch (RuntimeException e) {
      problems.add(FieldProblem.wrongType(name, expected));
      return Optional.empty();
    }
  }

  /** Throws the 400 when any parameter was wrong. */
  public void check() {
    if (!problems.isEmpty()) {
      throw new ApiException(
          400,
          "validation_failed",
          "The query parameters are not valid.",
          Map.of("fields", List.copyOf(problems)));
    }
  }
}
