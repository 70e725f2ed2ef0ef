package io.cairn.kafka.personal;

import io.cairn.avro.personal.KeyVault;
import io.cairn.avro.personal.SubjectKey;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.client.LogFollower;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The data subjects' keys in a compacted topic, every one of them also in memory: a key is written
 * (and acknowledged by every in-sync replica) before anything is sealed with it, and erasing a
 * subject writes a tombstone for each of its keys. Each record is keyed {@code subject/keyId}, so
 * two keys made for one subject at once by two instances both stay, and each sealed value opens
 * with the one that sealed it; a subject's first key in log order is the one it seals with. The
 * instance that erases stops opening at once; the others as soon as they read the tombstones,
 * within milliseconds on a healthy cluster.
 */
public final class KafkaKeyVault implements KeyVault, AutoCloseable {
  private static final int KEY_BYTES = 32;
  private static final char SEPARATOR = '/';

  private final String topic;
  private final Duration timeout;
  private final SecureRandom random = new SecureRandom();
  private final KafkaProducer<String, byte[]> producer;
  private final LogFollower follower;
  private final Map<String, Map<String, SubjectKey>> keys = new ConcurrentHashMap<>();
  private final Set<String> erased = ConcurrentHashMap.newKeySet();

  /**
   * A vault on the topic, which exists; its keys are all read before this returns.
   *
   * @param timeout how long a write, or reading up to the end of the topic, may take
   */
  public KafkaKeyVault(KafkaConnection kafka, String topic, Duration timeout) {
    this.topic = topic;
    this.timeout = timeout;
    Map<String, Object> config = kafka.clientConfig();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    this.follower = new LogFollower(kafka, topic, timeout, this::apply);
    follower.start();
  }

  /** Whether the keys topic is still being read, as the process's liveness asks. */
  public boolean readingKeys() {
    return follower.alive();
  }

  @Override
  public SubjectKey keyFor(String subject) {
    requireSubject(subject);
    Optional<SubjectKey> known = first(subject);
    if (known.isPresent()) {
      return known.get();
    }
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    write(subject + SEPARATOR + UUID.randomUUID(), key);
    follower.catchUp();
    // Another instance may have made one a moment before: the first in the log wins.
    return first(subject).orElseThrow(() -> new IllegalStateException("the key was not read back"));
  }

  @Override
  public Optional<SubjectKey> find(String subject, String keyId) {
    Optional<SubjectKey> key = known(subject, keyId);
    if (key.isPresent() || erased.contains(subject)) {
      return key;
    }
    follower.catchUp(); // another instance may have made it a moment ago
    return known(subject, keyId);
  }

  @Override
  public void erase(String subject) {
    requireSubject(subject);
    follower.catchUp();
    List<String> ids = List.copyOf(keys.getOrDefault(subject, Map.of()).keySet());
    for (String id : ids) {
      write(subject + SEPARATOR + id, null);
    }
    erased.add(subject);
    follower.catchUp();
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    int separator = record.key() == null ? -1 : record.key().lastIndexOf(SEPARATOR);
    if (separator < 1) {
      return; // not a key of Cairn's
    }
    String subject = record.key().substring(0, separator);
    String id = record.key().substring(separator + 1);
    if (record.value() == null) {
      keys.computeIfPresent(subject, (s, known) -> changed(known, map -> map.remove(id)));
      erased.add(subject);
      return;
    }
    if (record.value().length != KEY_BYTES) {
      return;
    }
    SubjectKey key = new SubjectKey(subject, id, new SecretKeySpec(record.value(), "AES"));
    erased.remove(subject);
    keys.compute(subject, (s, known) -> changed(known, map -> map.putIfAbsent(id, key)));
  }

  /**
   * A subject's keys after a change, as a new map: readers on other threads hold the old one, which
   * never changes under them; none left is no entry at all.
   */
  private static Map<String, SubjectKey> changed(
      Map<String, SubjectKey> known, Consumer<Map<String, SubjectKey>> change) {
    Map<String, SubjectKey> next = new LinkedHashMap<>(known == null ? Map.of() : known);
    change.accept(next);
    return next.isEmpty() ? null : Collections.unmodifiableMap(next);
  }

  private Optional<SubjectKey> first(String subject) {
    return keys.getOrDefault(subject, Map.of()).values().stream().findFirst();
  }

  private Optional<SubjectKey> known(String subject, String keyId) {
    return Optional.ofNullable(keys.getOrDefault(subject, Map.of()).get(keyId));
  }

  private void write(String key, byte[] value) {
    try {
      producer
          .send(new ProducerRecord<>(topic, 0, key, value))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot write to " + topic + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted writing to " + topic, e);
    }
  }

  private static void requireSubject(String subject) {
    if (subject == null
        || subject.isEmpty()
        || subject.getBytes(StandardCharsets.UTF_8).length > 256) {
      throw new IllegalArgumentException("a data subject is named by 1 to 256 bytes");
    }
  }

  @Override
  public void close() {
    follower.close();
    producer.close(timeout);
  }
}
