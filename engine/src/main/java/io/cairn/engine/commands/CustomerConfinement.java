package io.cairn.engine.commands;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.kafka.topics.CommandHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A command whose sender is confined to one customer ({@link CommandHeaders#CUSTOMER}): it passes
 * only when the aggregate type lets a customer send it and the aggregate, in its current state, is
 * that customer's own.
 *
 * @param customer the customer the sender acts for
 */
record CustomerConfinement(String customer) {

  /** The confinement the command record's header names, if it names one. */
  static Optional<CustomerConfinement> of(Record<String, SpecificRecord> record) {
    Header header = record.headers().lastHeader(CommandHeaders.CUSTOMER);
    return header == null
        ? Optional.empty()
        : Optional.of(new CustomerConfinement(new String(header.value(), StandardCharsets.UTF_8)));
  }

  /** Whether the customer may send the command to the aggregate as it is now. */
  <C, E, S> boolean allows(AggregateType<C, E, S> type, String aggregateId, C command, S state) {
    return type.customers()
        .map(access -> access.maySend(customer, aggregateId, command, state))
        .orElse(false);
  }
}
