import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes the envelope schemas of every aggregate type from one declaration of the envelopes and one
 * file per aggregate type, so the envelope's fields are written once however many aggregate types
 * there are. Run by the build before Avro compiles the schemas:
 *
 * <pre>java -cp JACKSON EnvelopeGenerator.java CONTRACT_DIR SCHEMA_OUT_DIR INDEX_FILE</pre>
 *
 * <p>CONTRACT_DIR holds envelopes.json and aggregates/TYPE.json. Each aggregate type gets
 * NAMECommand, NAMEEvent and NAMESnapshot under SCHEMA_OUT_DIR/TYPE/, and one line in INDEX_FILE, a
 * JSON object from each type to the full names of its three envelopes, which the contract reads at
 * run time. In the envelopes' texts, {type}, {name} and {doc} stand for the aggregate type's, and a
 * value "{commands}", "{events}" or "{state}" for its records.
 */
public final class EnvelopeGenerator {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final List<String> KINDS = List.of("command", "event", "snapshot");

  private EnvelopeGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: EnvelopeGenerator CONTRACT_DIR SCHEMA_OUT_DIR INDEX_FILE");
    }
    Path contract = Path.of(args[0]);
    Path schemas = Path.of(args[1]);
    Path index = Path.of(args[2]);
    JsonNode envelopes = JSON.readTree(contract.resolve("envelopes.json").toFile());
    Map<String, Map<String, String>> names = new TreeMap<>();
    Set<Path> written = new HashSet<>();
    for (Path source : sources(contract.resolve("aggregates"))) {
      JsonNode aggregate = JSON.readTree(source.toFile());
      String type = required(aggregate, "aggregate", source);
      Map<String, String> kinds = new TreeMap<>();
      for (String kind : KINDS) {
        ObjectNode envelope = envelope(envelopes.get(kind), aggregate, source);
        String name = envelope.get("name").asText();
        Path file = schemas.resolve(type).resolve(name + ".avsc");
        Files.createDirectories(file.getParent());
        writeIfChanged(file, JSON.writeValueAsString(envelope) + "\n");
        written.add(file);
        kinds.put(kind, envelope.get("namespace").asText() + "." + name);
      }
      if (names.put(type, kinds) != null) {
        throw new IllegalArgumentException("aggregate type " + type + " is declared twice");
      }
    }
    Files.createDirectories(index.getParent());
    writeIfChanged(index, JSON.writeValueAsString(names) + "\n");
    removeAllBut(schemas, written);
  }

  /** Removes the envelopes, and folders, of an aggregate type whose declaration is gone. */
  private static void removeAllBut(Path schemas, Set<Path> written) throws IOException {
    try (Stream<Path> files = Files.walk(schemas)) {
      for (Path stale :
          files.filter(f -> f.toString().endsWith(".avsc") && !written.contains(f)).toList()) {
        Files.delete(stale);
      }
    }
    try (Stream<Path> folders = Files.list(schemas)) {
      for (Path folder : folders.filter(Files::isDirectory).toList()) {
        try (Stream<Path> inside = Files.list(folder)) {
          if (inside.findAny().isEmpty()) {
            Files.delete(folder);
          }
        }
      }
    }
  }

  private static List<Path> sources(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
  }

  /** One envelope of an aggregate type: the template with the type's parts put in. */
  private static ObjectNode envelope(JsonNode template, JsonNode aggregate, Path source) {
    Map<String, JsonNode> parts =
        Map.of(
            "{commands}", aggregate.get("commands"),
            "{events}", aggregate.get("events"),
            "{state}", aggregate.get("state"));
    Map<String, String> words =
        Map.of(
            "{type}", required(aggregate, "aggregate", source),
            "{name}", required(aggregate, "name", source),
            "{doc}", required(aggregate, "doc", source));
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("type", "record");
    envelope.put("name", fill(template.get("name").asText(), words));
    envelope.put("namespace", required(aggregate, "namespace", source));
    envelope.put("doc", fill(template.get("doc").asText(), words));
    envelope.set("fields", filled(template.get("fields"), words, parts, source));
    return envelope;
  }

  private static JsonNode filled(
      JsonNode node, Map<String, String> words, Map<String, JsonNode> parts, Path source) {
    if (node.isTextual()) {
      String text = node.asText();
      if (parts.containsKey(text)) {
        JsonNode part = parts.get(text);
        if (part == null) {
          throw new IllegalArgumentException(source + " declares no " + text);
        }
        return part.deepCopy();
      }
      return new TextNode(fill(text, words));
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(element -> copy.add(filled(element, words, parts, source)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        copy.set(field.getKey(), filled(field.getValue(), words, parts, source));
      }
      return copy;
    }
    return node;
  }

  private static String fill(String text, Map<String, String> words) {
    String filled = text;
    for (Map.Entry<String, String> word : words.entrySet()) {
      filled = filled.replace(word.getKey(), word.getValue());
    }
    return filled;
  }

  private static String required(JsonNode aggregate, String field, Path source) {
    JsonNode value = aggregate.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(source + " needs a \"" + field + "\" text");
    }
    return value.asText();
  }

  /** Leaves an unchanged file alone, so Avro does not compile it again. */
  private static void writeIfChanged(Path file, String text) throws IOException {
    if (!Files.exists(file) || !Files.readString(file).equals(text)) {
      Files.writeString(file, text);
    }
  }
}
