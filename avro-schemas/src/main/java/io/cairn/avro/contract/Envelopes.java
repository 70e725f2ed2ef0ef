package io.cairn.avro.contract;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * The three envelopes one aggregate type's records travel in, each the value schema of one of its
 * topics.
 *
 * @param command the envelope of its commands topic: the command metadata and a union of commands
 * @param event the envelope of its events topic: the event metadata and a union of events
 * @param snapshot the record of its state topic: the aggregate's version and state
 */
public record Envelopes(Schema command, Schema event, Schema snapshot) {

  /** Checks that every envelope is there. */
  public Envelopes {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(snapshot, "snapshot");
  }

  /** The union of the type's commands. */
  public Schema commands() {
    return command.getField("payload").schema();
  }

  /** The union of the type's events. */
  public Schema events() {
    return event.getField("payload").schema();
  }

  /** The record of the type's state. */
  public Schema state() {
    return snapshot.getField("state").schema();
  }
}
