package io.cairn.engine.streams;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** Records a Kafka Streams application's consumers have yet to read, from their own metrics. */
public final class ConsumerLag {
  private ConsumerLag() {}

  /**
   * The records waiting on each topic, summed over its partitions, in one pass over the metrics; a
   * partition not fetched yet counts none.
   */
  public static Map<String, Long> byTopic(Map<MetricName, ? extends Metric> metrics) {
    Map<String, Long> behind = new HashMap<>();
    for (var metric : metrics.entrySet()) {
      MetricName name = metric.getKey();
      String topic = name.tags().get("topic");
      if (name.name().equals("records-lag")
          && name.group().equals("consumer-fetch-manager-metrics")
          && topic != null
          && metric.getValue().metricValue() instanceof Double value
          && !value.isNaN()) {
        behind.merge(topic, value.longValue(), Long::sum);
      }
    }
    return behind;
  }
}
