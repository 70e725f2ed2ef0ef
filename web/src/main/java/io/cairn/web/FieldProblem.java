package io.cairn.web;

/**
 * One thing wrong with one field of a request: a command payload field, a header or a query
 * parameter.
 *
 * @param field where: {@code payload.lines[2].quantity}, or a header name
 * @param problem what: missing, wrong_type, out_of_range, invalid_format or unknown_field
 * @param message a sentence for people
 */
public record FieldProblem(String field, String problem, String message) {
  public static FieldProblem missing(String field) {
    return new FieldProblem(field, "missing", field + " is required.");
  }

  public static FieldProblem wrongType(String field, String expected) {
    return new FieldProblem(field, "wrong_type", field + " must be " + expected + ".");
  }

  public static FieldProblem outOfRange(String field, String range) {
    return new FieldProblem(field, "out_of_range", field + " must be " + range + ".");
  }

  public static FieldProblem invalidFormat(String field, String format) {
    return new FieldProblem(field, "invalid_format", field + " must be " + format + ".");
  }

  public static FieldProblem unknown(String field) {
    return new FieldProblem(field, "unknown_field", field + " is not a field of this command.");
  }
}
