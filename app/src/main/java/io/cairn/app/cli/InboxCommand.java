package io.cairn.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn inbox <source> <type> <data> [--key=K] [--id=ID] [--bootstrap=HOST:PORT]}: sends one
 * CloudEvent, as another service would, to {@code cairn.inbox.<source>}: structured JSON with the
 * given type and data, a fresh id unless one is named (the same id sent again is applied once), and
 * {@code /<source>} as its source.
 */
@Command(
    name = "inbox",
    description = {
      "Send one CloudEvent to cairn.inbox.<SOURCE>, as another service would: the given type and"
          + " JSON data, a fresh id unless one is named."
    },
    synopsisHeading = "%nUsage: ",
    sortOptions = false)
public final class InboxCommand implements Callable<Integer> {
  /** The exit status of an event that could not be sent. */
  public static final int FAILED = 1;

  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private final PrintStream out;
  private final PrintStream err;
  private final ObjectMapper json = new ObjectMapper();

  @Spec private CommandSpec spec;

  @Mixin private HelpOption help;

  @Parameters(index = "0", paramLabel = "SOURCE", description = "The inbox, such as rewards.")
  private String source;

  @Parameters(
      index = "1",
      paramLabel = "TYPE",
      description = "The event's type, such as rewards.PointsAwarded.")
  private String type;

  @Parameters(index = "2", paramLabel = "DATA", description = "The event's data, as JSON.")
  private String data;

  @Option(names = "--key", paramLabel = "KEY", description = "The record's key; the id if none.")
  private String key;

  @Option(
      names = "--id",
      paramLabel = "ID",
      description = "The event's id; a fresh one if none. The same id sent again is applied once.")
  private String id;

  @Option(
      names = "--bootstrap",
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:9092",
      description = "The Kafka cluster (default ${DEFAULT-VALUE}).")
  private String bootstrap;

  public InboxCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** The event to send, as the arguments say. */
  record Sending(String bootstrap, String topic, String key, String id, String event) {}

  /** Runs the command with its arguments, as {@code cairn inbox} would; returns the exit status. */
  public int run(List<String> args) {
    return Cli.executeAlone(this, args, out, err);
  }

  @Override
  public Integer call() {
    Sending sending;
    try {
      sending = sending();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try (KafkaProducer<byte[], byte[]> producer = producer(sending.bootstrap())) {
      ProducerRecord<byte[], byte[]> record =
          new ProducerRecord<>(sending.topic(), bytes(sending.key()), bytes(sending.event()));
      record.headers().add("content-type", bytes("application/cloudevents+json"));
      var sent = producer.send(record).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
      out.println(
          "Sent "
              + sending.id()
              + " to "
              + sent.topic()
              + "-"
              + sent.partition()
              + "@"
              + sent.offset());
      return 0;
    } catch (ExecutionException | TimeoutException e) {
      err.println("The event could not be sent to " + sending.bootstrap() + ": " + e.getMessage());
      return FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FAILED;
    }
  }

  /** The event the parsed arguments describe. */
  Sending sending() {
    if (!source.matches("[a-z][a-z0-9-]{0,63}")) {
      throw new IllegalArgumentException("'" + source + "' is not an inbox's name.");
    }
    JsonNode parsed;
    try {
      parsed = json.readTree(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The data is not JSON: " + e.getOriginalMessage() + ".");
    }
    String eventId = id == null ? UUID.randomUUID().toString() : id;
    ObjectNode event = json.createObjectNode();
    event.put("specversion", "1.0");
    event.put("id", eventId);
    event.put("source", "/" + source);
    event.put("type", type);
    event.put("datacontenttype", "application/json");
    event.set("data", parsed);
    return new Sending(
        bootstrap, "cairn.inbox." + source, key == null ? eventId : key, eventId, event.toString());
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            (int) PATIENCE.toMillis(),
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            (int) PATIENCE.toMillis(),
            // At least linger plus the request timeout, as the producer requires.
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            (int) PATIENCE.multipliedBy(2).toMillis()),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
