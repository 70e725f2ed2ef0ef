package io.cairn.registry;

import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Moves records between schema versions by Avro's resolution rules, as other code would see them.
 */
final class Evolution {
  private Evolution() {}

  /** The record as a reader holding another version of its schema would read it. */
  static GenericRecord convert(SpecificRecord record, Schema target) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new SpecificDatumWriter<SpecificRecord>(
              record.getSchema(), SpecificData.getForClass(record.getClass()))
          .write(record, encoder);
      encoder.flush();
      return new GenericDatumReader<GenericRecord>(record.getSchema(), target)
          .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a framed record with another reader schema, fetching the writer schema by its id. */
  static GenericRecord readAs(SchemaRegistryClient client, byte[] framed, Schema reader) {
    WireFormat.Header header = WireFormat.header("test", framed);
    Schema writer = client.schemaById(header.schemaId());
    try {
      return new GenericDatumReader<GenericRecord>(writer, reader)
          .read(
              null,
              DecoderFactory.get()
                  .binaryDecoder(framed, header.bodyOffset(), header.bodyLength(), null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same record schema with one more optional string field: a compatible next version. */
  static Schema withOptionalField(Schema schema, String name) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      fields.add(new Schema.Field(field, field.schema()));
    }
    Schema optional =
        Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
    fields.add(
        new Schema.Field(
            name, optional, "A field a later version added.", JsonProperties.NULL_VALUE));
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }
}
