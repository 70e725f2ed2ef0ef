package io.cairn.engine.streams;

import org.apache.kafka.streams.KafkaStreams;

/**
 * A Kafka Streams instance of this process, by the name readiness reports it under.
 *
 * @param name the instance's name in the readiness report, such as its application id
 * @param streams the instance
 */
public record StreamsInstance(String name, KafkaStreams streams) {}
