package io.cairn.app.contract;

import io.cairn.kafka.topics.TopicSpec;

/**
 * A topic of Cairn's contract: its declaration, its role, and what it belongs to.
 *
 * @param spec the topic as Cairn creates it
 * @param role what it is for
 * @param owner the aggregate type, inbox, publication, report or effect it belongs to; empty for a
 *     shared topic
 */
public record PublishedTopic(TopicSpec spec, TopicRole role, String owner) {
  /** What the topic holds. */
  public String description() {
    return role.describe(owner);
  }
}
