package io.cairn.analytics;

import io.cairn.core.report.Report;
import io.cairn.kafka.topics.ContractTopics;
import io.cairn.kafka.topics.Topic;
import java.time.Duration;
import org.apache.avro.generic.GenericRecord;

/**
 * The topics of the reports' closed windows, {@code cairn.reports.<name>}, for data teams: Avro in
 * Confluent's wire format, each with the schema its report's declaration makes, registered under
 * the topic's subject.
 */
public final class ReportTopics {
  private final ContractTopics topics;
  private final Duration retention;

  /**
   * The topics, kept as long as the reports keep their windows.
   *
   * @param retention how long a window is kept
   */
  public ReportTopics(ContractTopics topics, Duration retention) {
    this.topics = topics;
    this.retention = retention;
  }

  /** A report's topic. */
  public Topic<String, GenericRecord> of(Report<?, ?> report) {
    return topics.report(report.name(), retention);
  }
}
