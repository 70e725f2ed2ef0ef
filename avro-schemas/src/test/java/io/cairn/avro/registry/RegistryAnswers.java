package io.cairn.avro.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.avro.Schema;

/** The bodies a Confluent registry answers with, for the test servers that stand in for one. */
final class RegistryAnswers {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RegistryAnswers() {}

  /** The answer to GET /schemas/ids/{id}. */
  static String schema(Schema schema) {
    try {
      return JSON.writeValueAsString(Map.of("schema", schema.toString()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
