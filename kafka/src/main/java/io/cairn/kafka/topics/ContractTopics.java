package io.cairn.kafka.topics;

import io.cairn.avro.personal.KeyVault;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.replies.CommandReply;
import io.cairn.avro.serde.GenericAvroSerde;
import io.cairn.avro.serde.SpecificAvroSerde;
import io.cairn.kafka.personal.SealingSerde;
import java.time.Duration;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Cairn's public topics with the serdes of the contract: keys are aggregate ids as UTF-8, values
 * Avro in Confluent's wire format, on one shared registry client, so each schema id is fetched once
 * per process.
 */
public final class ContractTopics {
  private final CairnTopics declared;
  private final SchemaRegistryClient registry;
  private final boolean autoRegister;
  private final Optional<KeyVault> vault;

  /**
   * @param declared the topic declarations
   * @param registry the registry client every serde shares
   * @param autoRegister whether writing registers a schema the registry lacks; without it, every
   *     schema of the public topics must be registered beforehand
   */
  public ContractTopics(CairnTopics declared, SchemaRegistryClient registry, boolean autoRegister) {
    this(declared, registry, autoRegister, Optional.empty());
  }

  private ContractTopics(
      CairnTopics declared,
      SchemaRegistryClient registry,
      boolean autoRegister,
      Optional<KeyVault> vault) {
    this.declared = declared;
    this.registry = registry;
    this.autoRegister = autoRegister;
    this.vault = vault;
  }

  /**
   * These topics, their serdes sealing the personal fields of what they write with the vault's
   * keys, in topics and stores alike.
   */
  public ContractTopics sealing(KeyVault keys) {
    return new ContractTopics(declared, registry, autoRegister, Optional.of(keys));
  }

  /** The vault the serdes seal personal fields with, when they do. */
  public Optional<KeyVault> vault() {
    return vault;
  }

  /** The topic declarations. */
  public CairnTopics declared() {
    return declared;
  }

  /** An aggregate type's commands, in its command envelope. */
  public Topic<String, SpecificRecord> commands(String aggregateType) {
    return new Topic<>(declared.commands(aggregateType), Serdes.String(), contract());
  }

  /** An aggregate type's event log, in its event envelope. */
  public Topic<String, SpecificRecord> events(String aggregateType) {
    return new Topic<>(declared.events(aggregateType), Serdes.String(), contract());
  }

  /** An aggregate type's latest states, in its snapshot record. */
  public Topic<String, SpecificRecord> state(String aggregateType) {
    return new Topic<>(declared.state(aggregateType), Serdes.String(), contract());
  }

  /** The outcome of every command. */
  public Topic<String, CommandReply> replies() {
    return new Topic<>(declared.commandReplies(), Serdes.String(), contract());
  }

  /**
   * The serde of the contract's records in a state store. A store's changelog is internal to its
   * application, so its subject is registered whatever auto-registration says.
   */
  public <T extends SpecificRecord> Serde<T> storeSerde() {
    return sealed(new SpecificAvroSerde<>(registry, true, false));
  }

  /**
   * The topic of a report's closed windows, whose records are of the schema the report's
   * declaration makes.
   */
  public Topic<String, GenericRecord> report(String report, Duration retention) {
    return new Topic<>(
        declared.report(report, retention),
        Serdes.String(),
        new GenericAvroSerde(registry, autoRegister, false));
  }

  /**
   * The serde of records of any schema the registry holds, such as other services' events in an
   * inbox.
   */
  public Serde<GenericRecord> anySchema() {
    return new GenericAvroSerde(registry, false, false);
  }

  private <T extends SpecificRecord> Serde<T> contract() {
    return sealed(new SpecificAvroSerde<>(registry, autoRegister, false));
  }

  private <T extends SpecificRecord> Serde<T> sealed(Serde<T> serde) {
    return vault.<Serde<T>>map(keys -> new SealingSerde<>(serde, keys)).orElse(serde);
  }
}
