package io.cairn.web.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.web.ApiError;
import io.cairn.web.FieldProblem;
import java.util.List;

/** The one error shape ({@link ApiError}) in an OpenAPI document, and answers that narrow it. */
public final class ErrorShape {
  /** The name of the error shape among the document's schemas. */
  public static final String NAME = "Error";

  private ErrorShape() {}

  /** A reference to the error shape. */
  public static ObjectNode reference() {
    return Schemas.reference(NAME);
  }

  /** The error shape itself: a code, a sentence, and details. */
  public static ObjectNode schema() {
    ObjectNode fields = Schemas.arrayOf(Schemas.reference(FieldProblem.class.getSimpleName()));
    ObjectNode details = Schemas.anyObject();
    details
        .put("description", "Facts about this error; for validation_failed, the fields at fault")
        .putObject("properties")
        .set("fields", fields);
    return Schemas.object(
        Schemas.ordered(
            "error", Schemas.string().put("description", "A stable code, in snake_case"),
            "message", Schemas.string().put("description", "What went wrong, for people"),
            "details", details));
  }

  /** One thing wrong with one field, as validation errors list them. */
  public static ObjectNode fieldProblem() {
    return Schemas.object(
        Schemas.ordered(
            "field", Schemas.string(),
            "problem",
                Schemas.oneOf(
                    List.of(
                        "missing",
                        "wrong_type",
                        "out_of_range",
                        "invalid_format",
                        "unknown_field")),
            "message", Schemas.string()));
  }

  /** The error shape with its code one of these. */
  static ObjectNode withCodes(List<String> codes) {
    if (codes.isEmpty()) {
      return reference();
    }
    ObjectNode narrowed = Schemas.anything();
    narrowed
        .putArray("allOf")
        .add(reference())
        .addObject()
        .putObject("properties")
        .set("error", Schemas.oneOf(codes));
    return narrowed;
  }
}
