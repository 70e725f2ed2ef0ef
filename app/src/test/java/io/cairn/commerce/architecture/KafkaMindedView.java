package io.cairn.commerce.architecture;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A domain class that reaches for Kafka, as the rules forbid: it lives among the app's tests only,
 * so that {@code ArchitectureRulesTest} can show the rule failing on it.
 */
public final class KafkaMindedView {
  private KafkaMindedView() {}

  /** The serde a domain class has no business choosing. */
  public static Serde<String> serde() {
    return Serdes.String();
  }
}
