package io.cairn.kafka.personal;

import io.cairn.avro.personal.KeyVault;
import io.cairn.avro.personal.PersonalDataCipher;
import io.cairn.avro.personal.PersonalFields;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A contract serde that seals the personal fields of what it writes, with the key of the record's
 * subject (its {@code aggregateId}): whatever reaches a topic or a store's changelog holds them
 * sealed, and what is read back stays sealed until an answer opens it. Records without personal
 * fields pass as they are.
 *
 * @param <T> the records
 */
public final class SealingSerde<T extends SpecificRecord> implements Serde<T> {
  private static final String SUBJECT = "aggregateId";

  private final Serde<T> contract;
  private final KeyVault vault;
  private final Map<Schema, Boolean> personal = new ConcurrentHashMap<>();

  /** The contract's serde, sealing with the vault's keys. */
  public SealingSerde(Serde<T> contract, KeyVault vault) {
    this.contract = contract;
    this.vault = vault;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    contract.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    Serializer<T> inner = contract.serializer();
    return (topic, record) -> inner.serialize(topic, sealed(record));
  }

  @Override
  public Deserializer<T> deserializer() {
    return contract.deserializer();
  }

  private T sealed(T record) {
    if (record == null || !personal.computeIfAbsent(record.getSchema(), PersonalFields::holdsAny)) {
      return record;
    }
    Schema.Field subjectField = record.getSchema().getField(SUBJECT);
    Object subject = subjectField == null ? null : record.get(subjectField.pos());
    if (subject == null) {
      throw new IllegalStateException(
          record.getSchema().getFullName() + " holds personal fields but names no " + SUBJECT);
    }
    T copy = SpecificData.getForClass(record.getClass()).deepCopy(record.getSchema(), record);
    return PersonalFields.rewrite(
        copy, text -> PersonalDataCipher.seal(vault.keyFor(subject.toString()), text));
  }
}
