package io.cairn.avro.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.Schema;

/** The registry's requests over Confluent's HTTP API, with its auth and TLS settings. */
final class HttpRegistryRequests implements RegistryRequests {
  private final RegistryHttp http;

  HttpRegistryRequests(RegistryClientConfig config) {
    this.http = new RegistryHttp(config);
  }

  @Override
  public int register(String subject, Schema schema) {
    JsonNode answer =
        http.post(
            "/subjects/" + encode(subject) + "/versions",
            Map.of("schema", schema.toString(), "schemaType", "AVRO"));
    return answer.path("id").asInt();
  }

  @Override
  public RegisteredSchema lookup(String subject, Schema schema) {
    return registered(
        http.post("/subjects/" + encode(subject), Map.of("schema", schema.toString())));
  }

  @Override
  public RegisteredSchema latest(String subject) {
    return registered(http.get("/subjects/" + encode(subject) + "/versions/latest"));
  }

  @Override
  public Schema schemaById(int id) {
    return parse(http.get("/schemas/ids/" + id).path("schema").asText());
  }

  private static RegisteredSchema registered(JsonNode answer) {
    return new RegisteredSchema(
        answer.path("subject").asText(),
        answer.path("id").asInt(),
        answer.path("version").asInt(),
        parse(answer.path("schema").asText()));
  }

  private static Schema parse(String text) {
    return new Schema.Parser().parse(text);
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
