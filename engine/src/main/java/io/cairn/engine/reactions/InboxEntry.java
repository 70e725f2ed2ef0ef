package io.cairn.engine.reactions;

import io.cairn.core.reaction.InboundEvent;
import java.time.Instant;
import java.util.Map;

/**
 * Another service's event on its way to the partition that owns its source and id, where it is
 * applied once. Internal to the command processors' application.
 *
 * @param id the CloudEvent's id
 * @param source its source
 * @param type its type
 * @param subject its subject
 * @param time its time
 * @param data its data
 * @param correlationId the flow it belongs to: its {@code correlationid} extension, else its id
 * @param receivedAt when the inbox read it
 */
public record InboxEntry(
    String id,
    String source,
    String type,
    String subject,
    Instant time,
    Map<String, Object> data,
    String correlationId,
    Instant receivedAt) {

  static InboxEntry of(InboundEvent event, String correlationId, Instant receivedAt) {
    return new InboxEntry(
        event.id(),
        event.source(),
        event.type(),
        event.subject(),
        event.time(),
        event.data(),
        correlationId,
        receivedAt);
  }

  InboundEvent event() {
    return new InboundEvent(id, source, type, subject, time, data);
  }

  /** What makes it one event, whatever number of times it is sent. */
  String identity() {
    return source + "#" + id;
  }
}
