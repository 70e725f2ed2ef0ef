package io.cairn.app.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The AsyncAPI 3.0.0 specification's JSON Schema, which a document must pass. */
final class AsyncApiSchema {
  private AsyncApiSchema() {}

  /** What the schema finds wrong with the document; none for a valid one. */
  static List<Error> errors(JsonNode document) {
    try (InputStream schema = AsyncApiSchema.class.getResourceAsStream("/asyncapi/3.0.0.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
          .getSchema(schema)
          .validate(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
