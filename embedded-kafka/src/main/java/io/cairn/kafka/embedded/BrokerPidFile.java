package io.cairn.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The record, in the data directory, of which process runs the broker and which process owns it:
 * how a start-up finds a broker that an earlier run left behind.
 */
final class BrokerPidFile {
  /** A broker process and its owner. */
  record Entry(long brokerPid, long ownerPid) {}

  private final Path file;

  BrokerPidFile(Path file) {
    this.file = file;
  }

  Optional<Entry> read() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      String[] fields = Files.readString(file).trim().split("\\s+");
      return Optional.of(new Entry(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
    } catch (IOException | RuntimeException e) {
      // A torn write from a crashed run says nothing about a live broker; the port check and
      // Kafka's own lock on its log directory still stop a second broker from starting.
      return Optional.empty();
    }
  }

  void write(Entry entry) {
    try {
      Files.writeString(file, entry.brokerPid() + " " + entry.ownerPid() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the broker's pid file " + file, e);
    }
  }

  void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the broker's pid file " + file, e);
    }
  }
}
