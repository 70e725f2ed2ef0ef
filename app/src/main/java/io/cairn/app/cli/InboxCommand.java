package io.cairn.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code cairn inbox <source> <type> <data> [--key=K] [--id=ID] [--bootstrap=HOST:PORT]}: sends one
 * CloudEvent, as another service would, to {@code cairn.inbox.<source>}: structured JSON with the
 * given type and data, a fresh id unless one is named (the same id sent again is applied once), and
 * {@code /<source>} as its source.
 */
public final class InboxCommand {
  /** The exit status of an event that could not be sent. */
  public static final int FAILED = 1;

  /** The exit status of a usage mistake. */
  public static final int USAGE = 2;

  private static final String USAGE_LINE =
      "Usage: cairn inbox <source> <type> '<data as JSON>' [--key=K] [--id=ID]"
          + " [--bootstrap=127.0.0.1:9092]";
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private final PrintStream out;
  private final PrintStream err;
  private final ObjectMapper json = new ObjectMapper();

  public InboxCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** The event to send, as the flags say. */
  record Sending(String bootstrap, String topic, String key, String id, String event) {}

  /** Runs the command with its arguments; returns the exit status. */
  public int run(List<String> args) {
    Sending sending;
    try {
      sending = parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + " " + USAGE_LINE);
      return USAGE;
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

  Sending parse(List<String> args) {
    List<String> positional = new ArrayList<>();
    String bootstrap = "127.0.0.1:9092";
    String key = null;
    String id = UUID.randomUUID().toString();
    for (String arg : args) {
      if (arg.startsWith("--bootstrap=")) {
        bootstrap = arg.substring("--bootstrap=".length());
      } else if (arg.startsWith("--key=")) {
        key = arg.substring("--key=".length());
      } else if (arg.startsWith("--id=")) {
        id = arg.substring("--id=".length());
      } else if (arg.startsWith("--")) {
        throw new IllegalArgumentException("Unknown flag '" + arg + "'.");
      } else {
        positional.add(arg);
      }
    }
    if (positional.size() != 3) {
      throw new IllegalArgumentException("It takes a source, a type and the data.");
    }
    String source = positional.get(0);
    if (!source.matches("[a-z][a-z0-9-]{0,63}")) {
      throw new IllegalArgumentException("'" + source + "' is not an inbox's name.");
    }
    JsonNode data;
    try {
      data = json.readTree(positional.get(2));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The data is not JSON: " + e.getOriginalMessage() + ".");
    }
    ObjectNode event = json.createObjectNode();
    event.put("specversion", "1.0");
    event.put("id", id);
    event.put("source", "/" + source);
    event.put("type", positional.get(1));
    event.put("datacontenttype", "application/json");
    event.set("data", data);
    return new Sending(
        bootstrap, "cairn.inbox." + source, key == null ? id : key, id, event.toString());
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
