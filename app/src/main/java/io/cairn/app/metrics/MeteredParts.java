package io.cairn.app.metrics;

import io.cairn.analytics.ReportActivity;
import io.cairn.core.report.Report;
import io.cairn.engine.commands.CommandProcessors;
import io.cairn.engine.deadletters.DeadLetterQueue;
import io.cairn.engine.views.ReadSide;
import io.cairn.kafka.topics.CairnTopics;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The running parts of the app whose state the metrics read.
 *
 * @param processors the command processors, which also run the process managers
 * @param managers the process managers' names
 * @param views the read side
 * @param reports the declared reports
 * @param reportActivity each report's activity since the views' start or last rebuild
 * @param topics Cairn's topics, to find each report's sources
 * @param deadLetters the dead-letter queue
 */
public record MeteredParts(
    CommandProcessors processors,
    List<String> managers,
    ReadSide views,
    List<Report<?, ?>> reports,
    Supplier<Map<String, ReportActivity.Counts>> reportActivity,
    CairnTopics topics,
    DeadLetterQueue deadLetters) {}
