package io.cairn.engine.commands;

import io.cairn.avro.replies.CommandReply;
import io.cairn.engine.reactions.ProcessInput;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** What a command processor forwards, each to its own topic. */
sealed interface Output {

  /** An appended event, for the type's event log. */
  record Event(SpecificRecord envelope) implements Output {}

  /** The aggregate's latest state, for the type's state topic. */
  record State(SpecificRecord snapshot) implements Output {}

  /** The answer to the command, for the replies topic. */
  record Reply(CommandReply reply) implements Output {}

  /** A command a policy sends, for its aggregate type's commands topic. */
  record Command(SpecificRecord envelope) implements Output {}

  /** A message or outcome for a process, for its process manager's partition of it. */
  record ToProcess(ProcessInput input) implements Output {}

  /**
   * A record written as bytes to the topic it names: a dead letter, for what could not be done, or
   * an integration event.
   */
  record Raw(ProducerRecord<byte[], byte[]> record) implements Output {}
}
