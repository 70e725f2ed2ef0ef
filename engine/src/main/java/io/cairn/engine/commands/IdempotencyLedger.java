package io.cairn.engine.commands;

import io.cairn.avro.replies.CommandReply;
import io.cairn.kafka.stores.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The first answer to every command sent with an Idempotency-Key, kept in a state store (so in its
 * changelog: across restarts, exactly once with the events) for the configured retention. Keys are
 * scoped to the aggregate the command addresses.
 */
final class IdempotencyLedger {
  private final KeyValueStore<String, CommandReply> store;
  private final Duration retention;

  IdempotencyLedger(KeyValueStore<String, CommandReply> store, Duration retention) {
    this.store = store;
    this.retention = retention;
  }

  Optional<CommandReply> find(String aggregateId, String key) {
    return Optional.ofNullable(store.get(entry(aggregateId, key)));
  }

  void remember(String aggregateId, String key, CommandReply reply) {
    store.put(entry(aggregateId, key), reply);
  }

  /** Forgets the answers older than the retention; returns how many it forgot. */
  int purge(Instant now) {
    Instant cutoff = now.minus(retention);
    return Store.purge(store, (key, reply) -> reply.getProcessedAt().isBefore(cutoff));
  }

  /** What a key is bound to: the SHA-256 of the command's type and payload. */
  static ByteBuffer requestHash(IndexedRecord payload) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(payload.getSchema().getFullName().getBytes(StandardCharsets.UTF_8));
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      new SpecificDatumWriter<IndexedRecord>(
              payload.getSchema(), SpecificData.getForClass(payload.getClass()))
          .write(payload, encoder);
      encoder.flush();
      return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint a command", e);
    }
  }

  private static String entry(String aggregateId, String key) {
    return aggregateId + '\u0000' + key;
  }
}
