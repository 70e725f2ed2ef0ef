package io.cairn.queries.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes Server-Sent Events to a response, each flushed at once. An {@link IOException} means the
 * client went away.
 */
final class SseWriter {
  private final OutputStream out;

  SseWriter(OutputStream out) {
    this.out = out;
  }

  /** An event with its type, id (none when null) and one line of data. */
  void event(String type, String id, String data) throws IOException {
    StringBuilder text = new StringBuilder();
    if (id != null) {
      text.append("id: ").append(id).append('\n');
    }
    text.append("event: ").append(type).append('\n');
    text.append("data: ").append(data).append("\n\n");
    write(text.toString());
  }

  /** A comment, which clients ignore: a heartbeat that keeps proxies from closing the stream. */
  void comment(String text) throws IOException {
    write(": " + text + "\n\n");
  }

  /** How long a client waits before it reconnects, in milliseconds. */
  void retry(long millis) throws IOException {
    write("retry: " + millis + "\n\n");
  }

  private void write(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
