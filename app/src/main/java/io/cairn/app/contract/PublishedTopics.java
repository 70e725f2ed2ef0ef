package io.cairn.app.contract;

import io.cairn.kafka.topics.CairnTopics;
import io.cairn.kafka.topics.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every topic Cairn declares, with its role: what start-up creates, and what the AsyncAPI document
 * describes, from one list.
 *
 * @param topics the declarations, with the configured partitions and replication
 * @param aggregateTypes the aggregate types' names
 * @param inboxes the inboxes' names
 * @param publications the publications' names
 * @param effects the effects' names
 * @param reports the reports' names
 * @param reportRetention how long the report topics keep their windows
 * @param schemaLog the embedded registry's log topic, when the registry is embedded
 */
public record PublishedTopics(
    CairnTopics topics,
    List<String> aggregateTypes,
    List<String> inboxes,
    List<String> publications,
    List<String> effects,
    List<String> reports,
    Duration reportRetention,
    Optional<String> schemaLog) {

  /** Each topic with its role, in the order start-up creates them. */
  public List<PublishedTopic> all() {
    List<PublishedTopic> all = new ArrayList<>();
    for (String type : aggregateTypes) {
      all.add(new PublishedTopic(topics.commands(type), TopicRole.COMMANDS, type));
      all.add(new PublishedTopic(topics.events(type), TopicRole.EVENTS, type));
      all.add(new PublishedTopic(topics.state(type), TopicRole.STATE, type));
    }
    all.add(new PublishedTopic(topics.commandReplies(), TopicRole.REPLIES, ""));
    all.add(new PublishedTopic(topics.processInputs(), TopicRole.PROCESS_INPUTS, ""));
    all.add(new PublishedTopic(topics.deadLetters(), TopicRole.DEAD_LETTERS, ""));
    all.add(new PublishedTopic(topics.personalKeys(), TopicRole.PERSONAL_KEYS, ""));
    inboxes.forEach(
        inbox -> all.add(new PublishedTopic(topics.inbox(inbox), TopicRole.INBOX, inbox)));
    publications.forEach(
        name -> all.add(new PublishedTopic(topics.integration(name), TopicRole.INTEGRATION, name)));
    effects.forEach(
        effect ->
            all.add(
                new PublishedTopic(
                    topics.effectRequests(effect), TopicRole.EFFECT_REQUESTS, effect)));
    reports.forEach(
        report ->
            all.add(
                new PublishedTopic(
                    topics.report(report, reportRetention), TopicRole.REPORT, report)));
    schemaLog.ifPresent(
        log -> all.add(new PublishedTopic(topics.schemaLog(log), TopicRole.SCHEMA_LOG, "")));
    return List.copyOf(all);
  }

  /** The declarations alone, as start-up creates and checks them. */
  public List<TopicSpec> specs() {
    return all().stream().map(PublishedTopic::spec).toList();
  }
}
