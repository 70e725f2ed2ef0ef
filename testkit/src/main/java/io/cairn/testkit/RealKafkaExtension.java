package io.cairn.testkit;

import io.cairn.kafka.embedded.BrokerSettings;
import io.cairn.kafka.embedded.EmbeddedBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands integration tests a real Apache Kafka broker: a {@link KafkaTestCluster} parameter.
 *
 * <p>One broker per test JVM, on free ports and a temporary data directory, shared by every test
 * class and torn down when the test run ends. It is started by {@link EmbeddedBroker}, the very
 * code that runs the app's broker, so tests meet the Kafka that production meets. No Docker engine
 * is needed, and none is used: the embedded broker is the same Apache Kafka a container would run,
 * without the image pull. Should the broker's owner die (a test JVM killed on a timeout), the
 * broker stops by itself.
 */
public final class RealKafkaExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RealKafkaExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaTestCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return cluster(context);
  }

  /** The shared broker, for another extension of the same test run. */
  public static KafkaTestCluster cluster(ExtensionContext context) {
    // The root context lives as long as the test run: one broker for every class, closed at the
    // end.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(SharedBroker.class, key -> SharedBroker.start(), SharedBroker.class)
        .cluster();
  }

  /** The broker and its temporary directory, closed by JUnit when the root store closes. */
  private record SharedBroker(EmbeddedBroker broker, Path dataDir) implements AutoCloseable {

    static SharedBroker start() {
      try {
        Path dataDir = Files.createTempDirectory("cairn-test-kafka-");
        return new SharedBroker(EmbeddedBroker.start(BrokerSettings.onFreePorts(dataDir)), dataDir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the test broker's data directory", e);
      }
    }

    KafkaTestCluster cluster() {
      return new KafkaTestCluster(broker.bootstrapServers());
    }

    @Override
    public void close() throws IOException {
      broker.close();
      try (Stream<Path> files = Files.walk(dataDir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
