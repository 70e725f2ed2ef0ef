package io.cairn.engine.views;

import java.time.Duration;

/**
 * How the read side keeps its views, as configured.
 *
 * @param versionsRetention how long each view's past versions are kept for queries as of an
 *     instant; an older instant is answered by folding the event history again, which only views of
 *     one entity's own events can do
 * @param standbyReplicas how many other instances keep a warm copy of each views partition, to
 *     answer queries from while its active is down or moving
 * @param commitInterval how often the views commit their exactly-once transaction; queries read the
 *     stores as they are folded, so this does not delay answers, only how much a crash makes the
 *     views fold again
 * @param pauseMax how long the views stay stopped for another instance's rebuild before they start
 *     again unasked, refusing queries until a rebuild completes
 */
public record ViewsSettings(
    Duration versionsRetention, int standbyReplicas, Duration commitInterval, Duration pauseMax) {}
