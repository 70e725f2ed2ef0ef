package io.cairn.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker is a real Kafka: it serves clients, keeps its data, and never lingers. */
class EmbeddedBrokerTest {
  @TempDir Path dataDir;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (AutoCloseable closeable : toClose.reversed()) {
      closeable.close();
    }
  }

  @Test
  void shouldServeProducersAndConsumersAndLeaveNoProcessBehind() throws Exception {
    EmbeddedBroker broker = started(BrokerSettings.onFreePorts(dataDir));
    createTopic(broker, "greetings");
    produce(broker, "greetings", "hello");

    assertThat(consumeAll(broker, "greetings")).containsExactly("hello");

    broker.close();
    assertThat(ProcessHandle.of(broker.pid()).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(dataDir.resolve("broker.pid")).doesNotExist();
  }

  @Test
  void shouldFindItsTopicsAndRecordsAgainAfterRestart() throws Exception {
    BrokerSettings settings = BrokerSettings.onFreePorts(dataDir);
    try (EmbeddedBroker first = EmbeddedBroker.start(settings)) {
      createTopic(first, "kept");
      produce(first, "kept", "still here");
    }

    EmbeddedBroker second = started(settings);

    assertThat(consumeAll(second, "kept")).containsExactly("still here");
  }

  @Test
  void shouldStopBrokerLeftBehindByDeadOwnerInsteadOfStartingASecond() throws Exception {
    BrokerSettings settings = BrokerSettings.onFreePorts(dataDir);
    EmbeddedBroker leftover = started(settings);
    new BrokerPidFile(dataDir.resolve("broker.pid"))
        .write(new BrokerPidFile.Entry(leftover.pid(), deadPid()));

    EmbeddedBroker replacement = started(settings);

    assertThat(leftover.isAlive()).isFalse();
    assertThat(replacement.isAlive()).isTrue();
    assertThat(replacement.pid()).isNotEqualTo(leftover.pid());
  }

  @Test
  void shouldRefuseDataDirectoryWhoseBrokerBelongsToLiveProcess() throws Exception {
    BrokerSettings settings = BrokerSettings.onFreePorts(dataDir);
    EmbeddedBroker running = started(settings);
    Process liveOwner = new ProcessBuilder("sleep", "300").start();
    toClose.add(liveOwner::destroyForcibly);
    new BrokerPidFile(dataDir.resolve("broker.pid"))
        .write(new BrokerPidFile.Entry(running.pid(), liveOwner.pid()));

    assertThatThrownBy(() -> EmbeddedBroker.start(settings))
        .isInstanceOf(BrokerStartException.class)
        .hasMessageContaining("belongs to process " + liveOwner.pid())
        .hasMessageContaining("still running");
    assertThat(running.isAlive()).isTrue();
  }

  @Test
  void shouldNameTheSettingWhenItsPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      BrokerSettings free = BrokerSettings.onFreePorts(dataDir);
      BrokerSettings clashing =
          new BrokerSettings(
              dataDir, taken.getLocalPort(), free.controllerPort(), "512m", free.startTimeout());

      assertThatThrownBy(() -> EmbeddedBroker.start(clashing))
          .isInstanceOf(BrokerStartException.class)
          .hasMessageContaining("port " + taken.getLocalPort())
          .hasMessageContaining("broker.port");
    }
  }

  @Test
  void shouldStopByItselfWhenItsOwnerIsKilled() throws Exception {
    BrokerSettings settings = BrokerSettings.onFreePorts(dataDir);
    Process owner = OwnerProcess.start(settings);
    toClose.add(owner::destroyForcibly);
    long brokerPid = OwnerProcess.awaitBrokerPid(owner);

    owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ProcessHandle.of(brokerPid).map(p -> !p.isAlive()).orElse(true));
  }

  private EmbeddedBroker started(BrokerSettings settings) {
    EmbeddedBroker broker = EmbeddedBroker.start(settings);
    toClose.add(broker);
    return broker;
  }

  private static long deadPid() throws IOException, InterruptedException {
    Process process = new ProcessBuilder("true").start();
    process.waitFor();
    return process.pid();
  }

  private static void createTopic(EmbeddedBroker broker, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  private static void produce(EmbeddedBroker broker, String topic, String value) throws Exception {
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    try (var producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "key", value)).get();
    }
  }

  private static List<String> consumeAll(EmbeddedBroker broker, String topic) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "test-" + topic,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<String> values = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  values.add(record.value());
                }
                return !values.isEmpty();
              });
    }
    return values;
  }

  /** A separate JVM that starts a broker and prints its pid, so the test can SIGKILL it. */
  static final class OwnerProcess {
    public static void main(String[] args) throws Exception {
      BrokerSettings settings =
          new BrokerSettings(
              Path.of(args[0]),
              Integer.parseInt(args[1]),
              Integer.parseInt(args[2]),
              "512m",
              Duration.ofSeconds(60));
      EmbeddedBroker broker = EmbeddedBroker.start(settings);
      System.out.println("broker-pid " + broker.pid());
      System.out.flush();
      Thread.currentThread().join(); // lives until killed
    }

    static Process start(BrokerSettings settings) throws IOException {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      return new ProcessBuilder(
              java.toString(),
              "-cp",
              System.getProperty("java.class.path"),
              OwnerProcess.class.getName(),
              settings.dataDir().toString(),
              Integer.toString(settings.port()),
              Integer.toString(settings.controllerPort()))
          .redirectErrorStream(true)
          .start();
    }

    static long awaitBrokerPid(Process owner) throws IOException {
      var reader = owner.inputReader();
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("broker-pid ")) {
          return Long.parseLong(line.substring("broker-pid ".length()).trim());
        }
      }
      throw new IllegalStateException("the owner process exited before its broker started");
    }
  }
}
