package io.cairn.app.contract;

/**
 * What a topic is for in Cairn's contract: who writes it, what its records are, how they are keyed.
 * Each role's sentences take the name of what the topic belongs to (an aggregate type, an inbox, a
 * publication, a report, an effect).
 */
public enum TopicRole {
  COMMANDS(
      "Commands to the %s aggregates, as the gateway and the reactions write them.",
      "The aggregate's id.", Format.AVRO, false, true),
  EVENTS(
      "The event log of the %s aggregates: the source of truth, never compacted, never expired.",
      "The aggregate's id.", Format.AVRO, true, false),
  STATE(
      "The latest state of each %s aggregate, as a compacted table.",
      "The aggregate's id.", Format.AVRO, true, false),
  REPLIES(
      "The outcome of every command, in the transaction that appended its events.",
      "The aggregate's id.",
      Format.AVRO,
      true,
      false),
  INBOX(
      "The inbox of the %s service: its events, as CloudEvents, which Cairn maps to commands.",
      "Any; the same key keeps the sender's order.", Format.CLOUD_EVENT, false, true),
  INTEGRATION(
      "The integration events of the %s publication, for other services to depend on.",
      "The event's subject.", Format.CLOUD_EVENT, true, false),
  REPORT(
      "The windows of the %s report, each once it has closed; a window changed after (a late"
          + " event, a rebuild) is published again.",
      "<key>@<windowStart>.", Format.AVRO, true, false),
  DEAD_LETTERS(
      "Every record an application could not read or process, as it was, with headers saying"
          + " where it came from and why.",
      "The record's own key.",
      Format.BYTES,
      true,
      false),
  PROCESS_INPUTS(
      "Internal to the command processors: messages and outcomes on their way to the processes.",
      "The process's id.",
      Format.JSON,
      true,
      true),
  EFFECT_REQUESTS(
      "Internal: the calls the %s effect is asked to make outside Kafka.",
      "The aggregate's id.", Format.JSON, true, true),
  PERSONAL_KEYS(
      "Internal, readable by the app alone: each data subject's keys, which seal its personal"
          + " fields wherever they are kept; a tombstone erases the subject for good.",
      "<subject>/<key id>.",
      Format.BYTES,
      true,
      true),
  SCHEMA_LOG(
      "The embedded schema registry's log, in the format of Confluent's _schemas.",
      "The registry entry's key, as JSON.",
      Format.JSON,
      true,
      false);

  /** How a topic's values are written. */
  public enum Format {
    /** Avro in Confluent's wire format, under the subject {@code <topic>-value}. */
    AVRO,
    /** A CloudEvent in structured JSON, or in binary mode with ce_ headers. */
    CLOUD_EVENT,
    /** JSON of Cairn's own. */
    JSON,
    /** Bytes as another topic had them. */
    BYTES
  }

  private final String description;
  private final String key;
  private final Format format;
  private final boolean written;
  private final boolean read;

  TopicRole(String description, String key, Format format, boolean written, boolean read) {
    this.description = description;
    this.key = key;
    this.format = format;
    this.written = written;
    this.read = read;
  }

  /** What the topic holds, for the one it belongs to. */
  public String describe(String owner) {
    return description.formatted(owner);
  }

  /** What its records' keys are. */
  public String key() {
    return key;
  }

  /** How its values are written. */
  public Format format() {
    return format;
  }

  /** Whether Cairn writes it. */
  public boolean written() {
    return written;
  }

  /** Whether Cairn reads it. */
  public boolean read() {
    return read;
  }
}
