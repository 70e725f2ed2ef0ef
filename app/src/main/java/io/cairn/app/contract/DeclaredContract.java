package io.cairn.app.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.analytics.ReportSchema;
import io.cairn.app.config.CairnConfig;
import io.cairn.avro.contract.Contract;
import io.cairn.commerce.Commerce;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.reaction.Inbox;
import io.cairn.core.reaction.Publication;
import io.cairn.core.report.Report;
import io.cairn.kafka.topics.CairnTopics;
import io.cairn.kafka.topics.ContractSchemas;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Cairn's contract as its declarations and configuration make it: every topic with its role, and
 * the Avro schema of every Avro topic. Start-up creates the topics and registers the schemas from
 * it; the AsyncAPI document describes the same.
 *
 * @param topics every topic, with its role
 * @param schemas the Avro schemas, by subject
 */
public record DeclaredContract(PublishedTopics topics, ContractSchemas schemas) {
  private static final String VALUE_SUBJECT = "-value";

  /** The contract of the commerce domain under this configuration, as {@code cairn run} has it. */
  public static DeclaredContract of(CairnConfig config) {
    return of(
        config,
        Commerce.aggregateTypes(config.reactions().subscriptionMinInterval()),
        Commerce.reports(config.reports().cartSessionGap()),
        Contract.load());
  }

  /** The contract of these declarations under this configuration. */
  public static DeclaredContract of(
      CairnConfig config,
      List<AggregateType<?, ?, ?>> types,
      List<Report<?, ?>> reports,
      Contract contract) {
    CairnTopics declared = new CairnTopics(config.topics());
    Duration retention = config.reports().settings().retention();
    List<String> names = types.stream().map(AggregateType::name).toList();
    PublishedTopics topics =
        new PublishedTopics(
            declared,
            names,
            Commerce.inboxes().stream().map(Inbox::name).toList(),
            Commerce.publications().stream().map(Publication::name).toList(),
            List.of(Commerce.paymentProvider().name()),
            reports.stream().map(Report::name).toList(),
            retention,
            config.registry().useEmbeddedRegistry()
                ? Optional.of(config.registry().topic())
                : Optional.empty());
    Map<String, Schema> reportSchemas = new LinkedHashMap<>();
    reports.forEach(
        report ->
            reportSchemas.put(
                declared.report(report.name(), retention).name(),
                ReportSchema.of(report).schema()));
    return new DeclaredContract(
        topics, new ContractSchemas(declared, names, contract).and(reportSchemas));
  }

  /** The AsyncAPI 3.0 document of the contract, on the given cluster. */
  public ObjectNode asyncApi(ObjectMapper json, String bootstrapServers) {
    Map<String, Schema> byTopic = new LinkedHashMap<>();
    schemas
        .bySubject()
        .forEach(
            (subject, schema) ->
                byTopic.put(
                    subject.substring(0, subject.length() - VALUE_SUBJECT.length()), schema));
    return new AsyncApiDocument(json).of(topics.all(), byTopic, bootstrapServers, version());
  }

  /** The version of Cairn that declares the contract: the packaged one, or development. */
  static String version() {
    String packaged = DeclaredContract.class.getPackage().getImplementationVersion();
    return packaged == null ? "development" : packaged;
  }
}
