package io.cairn.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads HTTP/1.1 responses off one connection's bytes, one at a time: the status, then a body
 * framed by {@code Content-Length} or by chunked encoding, which it skips. The load client needs no
 * more, and reading no more keeps the load generator's share of the cores small.
 */
final class ResponseReader {
  private static final int NEED_MORE = -1;

  private ByteBuffer buffer = ByteBuffer.allocate(8 * 1024);
  private boolean closeAfter;

  /** Reads what the connection has; the count of bytes, or -1 at its end. */
  int readFrom(SocketChannel channel) throws IOException {
    if (!buffer.hasRemaining()) {
      ByteBuffer larger = ByteBuffer.allocate(buffer.capacity() * 2);
      buffer.flip();
      buffer = larger.put(buffer);
    }
    return channel.read(buffer);
  }

  /**
   * The status of the response read whole, removing it from the buffer; -1 while some of it has not
   * arrived.
   */
  int next() {
    byte[] bytes = buffer.array();
    int length = buffer.position();
    int headerEnd = indexOf(bytes, 0, length, "\r\n\r\n");
    if (headerEnd < 0) {
      return NEED_MORE;
    }
    String head =
        new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    int end = bodyEnd(bytes, headerEnd + 4, length, head);
    if (end < 0) {
      return NEED_MORE;
    }
    closeAfter = head.contains("\r\nconnection: close");
    int status = Integer.parseInt(head.substring(9, 12));
    buffer.flip().position(end);
    buffer.compact();
    return status;
  }

  /** Whether the server said it closes the connection after the last response. */
  boolean closeAfter() {
    return closeAfter;
  }

  private static int bodyEnd(byte[] bytes, int bodyStart, int length, String head) {
    int contentLength = head.indexOf("\r\ncontent-length:");
    if (contentLength >= 0) {
      int valueStart = contentLength + "\r\ncontent-length:".length();
      int valueEnd = head.indexOf("\r\n", valueStart);
      long size =
          Long.parseLong(
              head.substring(valueStart, valueEnd < 0 ? head.length() : valueEnd).trim());
      return bodyStart + size <= length ? (int) (bodyStart + size) : NEED_MORE;
    }
    if (head.contains("\r\ntransfer-encoding: chunked")) {
      return chunkedEnd(bytes, bodyStart, length);
    }
    return bodyStart;
  }

  /** Where a chunked body ends (after its last, empty chunk and the blank line), or -1. */
  private static int chunkedEnd(byte[] bytes, int at, int length) {
    while (true) {
      int lineEnd = indexOf(bytes, at, length, "\r\n");
      if (lineEnd < 0) {
        return NEED_MORE;
      }
      String sizeField = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int extension = sizeField.indexOf(';');
      int size =
          Integer.parseInt(
              (extension < 0 ? sizeField : sizeField.substring(0, extension)).trim(), 16);
      if (size == 0) {
        int trailerEnd = indexOf(bytes, lineEnd, length, "\r\n\r\n");
        return trailerEnd < 0 ? NEED_MORE : trailerEnd + 4;
      }
      at = lineEnd + 2 + size + 2;
      if (at > length) {
        return NEED_MORE;
      }
    }
  }

  private static int indexOf(byte[] bytes, int from, int to, String ascii) {
    outer:
    for (int i = from; i <= to - ascii.length(); i++) {
      for (int j = 0; j < ascii.length(); j++) {
        if (bytes[i + j] != ascii.charAt(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
