package io.cairn.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one rule for ids in paths and payloads, aggregates' and views' keys alike: 1 to 64 of A-Z,
 * a-z, 0-9, '.', '_', ':' and '-'. Anything else is a client's mistake, answered before it reaches
 * a store or a topic.
 */
public final class Ids {
  /** A valid id. */
  public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /** What a valid id is, as a phrase for error messages. */
  public static final String RULE = "1 to 64 characters of A-Z, a-z, 0-9, '.', '_', ':' and '-'";

  private Ids() {}

  /** Whether the value is a valid id. */
  public static boolean valid(String value) {
    return PATTERN.matcher(value).matches();
  }

  /**
   * The id, checked.
   *
   * @param field where the id is, for the error ({@code id})
   * @throws ApiException 400 validation_failed when it is not valid
   */
  public static String require(String value, String field) {
    if (!valid(value)) {
      FieldProblem problem = FieldProblem.invalidFormat(field, RULE);
      throw new ApiException(
          400,
          "validation_failed",
          "The request is not valid: " + problem.message(),
          Map.of("fields", List.of(problem)));
    }
    return value;
  }
}
