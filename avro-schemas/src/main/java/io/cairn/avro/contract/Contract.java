package io.cairn.avro.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.avro.replies.CommandReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * Cairn's public data contract as the build compiled it: the envelopes of every aggregate type
 * declared under {@code src/main/contract/aggregates}, by the type's name, and the records shared
 * by all types (the command reply). Its schemas are the generated classes' own, so what a topic's
 * serde writes and what the registry holds are one schema.
 */
public final class Contract {
  private static final String INDEX = "aggregates.json";

  private final Map<String, Envelopes> envelopes;

  private Contract(Map<String, Envelopes> envelopes) {
    this.envelopes = envelopes;
  }

  /**
   * The contract on the class path, read from the index the build writes beside its classes. Its
   * generated records are trusted from then on, so Avro may make them by name.
   */
  public static Contract load() {
    CairnRecordTrust.ensure();
    try (InputStream index = Contract.class.getResourceAsStream(INDEX)) {
      if (index == null) {
        throw new IllegalStateException(
            "no " + INDEX + " beside " + Contract.class.getName() + ": the build did not run");
      }
      Map<String, Envelopes> envelopes = new TreeMap<>();
      new ObjectMapper()
          .readTree(index)
          .properties()
          .forEach(type -> envelopes.put(type.getKey(), envelopes(type.getValue())));
      return new Contract(Map.copyOf(envelopes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the contract's index", e);
    }
  }

  /** The aggregate types the contract declares, by name. */
  public Set<String> aggregateTypes() {
    return new TreeSet<>(envelopes.keySet());
  }

  /**
   * The envelopes of an aggregate type.
   *
   * @throws IllegalArgumentException when the contract declares no such type
   */
  public Envelopes envelopes(String aggregateType) {
    Envelopes found = envelopes.get(aggregateType);
    if (found == null) {
      throw new IllegalArgumentException(
          "the contract declares no aggregate type "
              + aggregateType
              + " (src/main/contract/aggregates/"
              + aggregateType
              + ".json in avro-schemas); it declares "
              + aggregateTypes());
    }
    return found;
  }

  /** The value schema of every topic of the contract: each type's envelopes, then the reply. */
  public List<Schema> schemas() {
    List<Schema> all = new ArrayList<>();
    aggregateTypes()
        .forEach(
            type -> {
              Envelopes e = envelopes.get(type);
              all.addAll(List.of(e.command(), e.event(), e.snapshot()));
            });
    all.add(CommandReply.getClassSchema());
    return List.copyOf(all);
  }

  private static Envelopes envelopes(JsonNode names) {
    return new Envelopes(
        schemaOf(names.path("command").asText()),
        schemaOf(names.path("event").asText()),
        schemaOf(names.path("snapshot").asText()));
  }

  private static Schema schemaOf(String className) {
    try {
      return SpecificData.get()
          .getSchema(Class.forName(className, true, Contract.class.getClassLoader()));
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "the contract names " + className + ", which was not built", e);
    }
  }
}
