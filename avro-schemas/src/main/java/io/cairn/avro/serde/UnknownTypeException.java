package io.cairn.avro.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record holding a type its reader's schema does not have: a branch a newer writer appended to a
 * union, such as a new event type written by a newer instance during a rolling upgrade. The record
 * is sound; this reader is older than it.
 */
public final class UnknownTypeException extends SerializationException {
  private final String topic;
  private final int schemaId;
  private final String typeName;

  /**
   * @param topic the topic the record came from
   * @param schemaId the writer schema's id
   * @param typeName the full name of the type the reader lacks
   */
  public UnknownTypeException(String topic, int schemaId, String typeName) {
    super(
        "a record from topic %s (schema id %d) holds %s, a type this reader's schema does not have: it was written by newer code"
            .formatted(topic, schemaId, typeName));
    this.topic = topic;
    this.schemaId = schemaId;
    this.typeName = typeName;
  }

  /** The topic the record came from. */
  public String topic() {
    return topic;
  }

  /** The writer schema's id. */
  public int schemaId() {
    return schemaId;
  }

  /** The full name of the type the reader lacks, such as {@code io.cairn.avro.carts.ItemGifted}. */
  public String typeName() {
    return typeName;
  }

  /** The type's simple name, such as {@code ItemGifted}. */
  public String simpleTypeName() {
    return typeName.substring(typeName.lastIndexOf('.') + 1);
  }
}
