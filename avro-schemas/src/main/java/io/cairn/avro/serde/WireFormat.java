package io.cairn.avro.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format for Avro: a magic byte 0, the writer schema's registry id as a 4-byte
 * big-endian integer, then the Avro binary encoding of the record.
 */
public final class WireFormat {
  /** The first byte of every framed record. */
  public static final byte MAGIC_BYTE = 0;

  /** Magic byte and schema id. */
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /** A framed record's header: which schema wrote it, and where its body starts. */
  public record Header(int schemaId, int bodyOffset, int bodyLength) {}

  /**
   * Reads the header of a framed record.
   *
   * @throws SerializationException when the record is too short or its magic byte is not 0
   */
  public static Header header(String topic, byte[] data) {
    if (data.length < HEADER_SIZE) {
      throw new SerializationException(
          "truncated record from topic %s: %d bytes, but the Confluent wire format needs at least %d (magic byte and schema id)"
              .formatted(topic, data.length, HEADER_SIZE));
    }
    if (data[0] != MAGIC_BYTE) {
      throw new SerializationException(
          "unknown magic byte 0x%02x in a record from topic %s: not Avro in the Confluent wire format, whose first byte is 0x00"
              .formatted(data[0], topic));
    }
    int id = ByteBuffer.wrap(data, 1, 4).getInt();
    return new Header(id, HEADER_SIZE, data.length - HEADER_SIZE);
  }

  /** Writes the header for a schema id into the first five bytes of a buffer. */
  static void writeHeader(ByteBuffer buffer, int schemaId) {
    buffer.put(MAGIC_BYTE).putInt(schemaId);
  }
}
