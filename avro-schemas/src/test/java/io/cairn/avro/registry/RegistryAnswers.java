package io.cairn.avro.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** The bodies a Confluent registry answers with, for the test servers that stand in for one. */
final class RegistryAnswers {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RegistryAnswers() {}

  /** Sends an answer with the registry's media type and closes the exchange. */
  static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .put("Content-Type", List.of("application/vnd.schemaregistry.v1+json"));
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** The answer to GET /schemas/ids/{id}. */
  static String schema(Schema schema) {
    try {
      return JSON.writeValueAsString(Map.of("schema", schema.toString()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
