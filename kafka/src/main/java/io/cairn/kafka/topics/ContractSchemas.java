package io.cairn.kafka.topics;

import io.cairn.avro.contract.Contract;
import io.cairn.avro.contract.Envelopes;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.registry.SchemaRegistryException;
import io.cairn.avro.replies.CommandReply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the schemas of Cairn's public contract at start-up, each under its topic's subject
 * ({@code <topic>-value}), so data teams find every subject in the registry before the first record
 * is written, and so a schema the registry refuses stops start-up rather than the first command.
 * With auto-registration off, it only checks that every schema is registered.
 */
public final class ContractSchemas {
  private static final Logger log = LoggerFactory.getLogger(ContractSchemas.class);

  private final Map<String, Schema> bySubject;

  /**
   * The subjects and schemas of the given aggregate types' topics and the replies topic.
   *
   * @param aggregateTypes the names of the aggregate types whose topics are in use
   * @param contract their envelopes
   */
  public ContractSchemas(CairnTopics topics, List<String> aggregateTypes, Contract contract) {
    this.bySubject = new LinkedHashMap<>();
    for (String type : aggregateTypes) {
      Envelopes envelopes = contract.envelopes(type);
      bySubject.put(subject(topics.commands(type).name()), envelopes.command());
      bySubject.put(subject(topics.events(type).name()), envelopes.event());
      bySubject.put(subject(topics.state(type).name()), envelopes.snapshot());
    }
    bySubject.put(subject(topics.commandReplies().name()), CommandReply.getClassSchema());
  }

  /**
   * These subjects too: records Cairn writes whose schemas its declarations make, such as the
   * reports' windows.
   *
   * @param byTopic the schema of each topic's values
   */
  public ContractSchemas and(Map<String, Schema> byTopic) {
    byTopic.forEach((topic, schema) -> bySubject.put(subject(topic), schema));
    return this;
  }

  /** Every subject with its schema. */
  public Map<String, Schema> bySubject() {
    return Map.copyOf(bySubject);
  }

  /**
   * Registers (or, without auto-registration, looks up) every schema.
   *
   * @throws ContractException naming the subject the registry refused, and why
   */
  public void publish(SchemaRegistryClient client, boolean autoRegister) {
    bySubject.forEach(
        (subject, schema) -> {
          try {
            int id =
                autoRegister
                    ? client.register(subject, schema)
                    : client.lookup(subject, schema).id();
            log.debug("Schema {} is id {} under {}", schema.getFullName(), id, subject);
          } catch (SchemaRegistryException e) {
            throw new ContractException(subject, autoRegister, e);
          }
        });
    log.info("Schemas of {} subjects are in the registry", bySubject.size());
  }

  private static String subject(String topic) {
    return topic + "-value";
  }

  /** The registry refused a schema of the contract, or does not have it. */
  public static final class ContractException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ContractException(String subject, boolean autoRegister, SchemaRegistryException cause) {
      super(
          (autoRegister
                  ? "the schema registry refused the schema of " + subject + ": "
                  : "the schema of "
                      + subject
                      + " is not registered, and registry.auto.register is false: ")
              + cause.getMessage(),
          cause);
    }
  }
}
