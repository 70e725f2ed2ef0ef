package io.cairn.gateway;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * A command that passed every check at the edge, in its Avro envelope, ready for Kafka.
 *
 * @param type the aggregate type's name
 * @param command the command's name, such as AddItem
 * @param aggregateId the aggregate's id, also the record key
 * @param commandId the command's id, by which its reply is found
 * @param envelope the command envelope
 * @param customer the customer its sender is confined to, if it is
 */
record CommandRequest(
    String type,
    String command,
    String aggregateId,
    String commandId,
    SpecificRecord envelope,
    Optional<String> customer) {}
