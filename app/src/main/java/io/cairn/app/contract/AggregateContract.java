package io.cairn.app.contract;

import org.apache.avro.Schema;

/**
 * The public contract of one aggregate type: the Avro envelopes of its command and event topics.
 *
 * @param type the aggregate type, as in its topic names ({@code carts})
 * @param commands the envelope schema of {@code cairn.<type>.commands}
 * @param events the envelope schema of {@code cairn.<type>.events}
 */
public record AggregateContract(String type, Schema commands, Schema events) {}
