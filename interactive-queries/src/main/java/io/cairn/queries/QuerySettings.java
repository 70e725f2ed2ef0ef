package io.cairn.queries;

import io.cairn.engine.peers.Peers;
import io.cairn.web.SealedAnswers;
import io.cairn.web.auth.ClusterSecret;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * What the query server needs to know of the views it reads.
 *
 * @param partitions the partition count of the event topics, which start-up checked
 * @param versionsRetention how long the views keep their past versions
 * @param clock the clock that says how far back those versions reach now
 * @param self the address other instances reach this one's queries at, as the views application
 *     advertises it ({@code application.server})
 * @param cluster the secret that seals consistency tokens and tells the others' requests apart
 * @param peers how this instance calls the others
 * @param historyMaxEvents the most events a query as of an instant folds again
 * @param sealed opens the sealed personal values of an answer
 */
public record QuerySettings(
    int partitions,
    Duration versionsRetention,
    Clock clock,
    HostInfo self,
    ClusterSecret cluster,
    Peers peers,
    int historyMaxEvents,
    SealedAnswers sealed) {}
