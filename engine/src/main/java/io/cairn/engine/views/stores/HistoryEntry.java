package io.cairn.engine.views.stores;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An event as a history store keeps it: the JSON object the events endpoint shows, then the domain
 * event in the views' JSON form. The first part is served as it is, without parsing; the second
 * lets a query fold the aggregate again as of an instant. The length of the first part comes first,
 * as four big-endian bytes.
 */
public final class HistoryEntry {
  private HistoryEntry() {}

  /** The entry of an event: its head as the events endpoint shows it, then the domain event. */
  public static byte[] encode(DecodedEvent event) {
    // One buffer for both parts, each written straight from the event, with no tree between.
    ByteArrayBuilder bytes = new ByteArrayBuilder(512);
    bytes.write(new byte[Integer.BYTES]);
    try {
      try (JsonGenerator head = ViewJson.MAPPER.createGenerator(bytes)) {
        head.writeStartObject();
        head.writeStringField("type", event.name());
        head.writeNumberField("version", event.version());
        head.writeStringField("occurredAt", event.occurredAt().toString());
        head.writeStringField("correlationId", event.provenance().correlationId());
        head.writeStringField("causationId", event.provenance().causationId());
        head.writeStringField("actor", event.provenance().actor());
        // The payload is already JSON (rendered once by the decoder): embed it as is, unparsed.
        head.writeFieldName("payload");
        head.writeRawValue(event.payloadJson());
        head.writeEndObject();
      }
      int headLength = bytes.size() - Integer.BYTES;
      try (JsonGenerator domain = ViewJson.MAPPER.createGenerator(bytes)) {
        ViewJson.MAPPER.writeValue(domain, event.event());
      }
      byte[] entry = bytes.toByteArray();
      ByteBuffer.wrap(entry).putInt(0, headLength);
      return entry;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the history entry of " + event, e);
    }
  }

  /**
   * The event as the events endpoint shows it: type, version, occurredAt, its provenance and
   * payload.
   */
  public static String shown(byte[] entry) {
    return new String(entry, Integer.BYTES, headLength(entry), StandardCharsets.UTF_8);
  }

  static byte[] head(byte[] entry) {
    byte[] head = new byte[headLength(entry)];
    System.arraycopy(entry, Integer.BYTES, head, 0, head.length);
    return head;
  }

  static byte[] domain(byte[] entry) {
    int from = Integer.BYTES + headLength(entry);
    byte[] domain = new byte[entry.length - from];
    System.arraycopy(entry, from, domain, 0, domain.length);
    return domain;
  }

  private static int headLength(byte[] entry) {
    return ByteBuffer.wrap(entry, 0, Integer.BYTES).getInt();
  }
}
