package io.cairn.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One keep-alive connection of the load client, with at most one request in flight. Its methods run
 * on the load client's thread only.
 */
final class LoadConnection {
  /** What a readiness event came to. */
  enum Outcome {
    CONNECTED,
    ANSWERED,
    BUSY,
    FAILED
  }

  private final SocketChannel channel;
  private final SelectionKey key;
  private final ResponseReader reader = new ResponseReader();
  private boolean connecting = true;
  private LoadExchange current;
  private long sentAt;
  private IOException failure;

  private LoadConnection(SocketChannel channel, SelectionKey key) {
    this.channel = channel;
    this.key = key;
  }

  static LoadConnection open(Selector selector, InetSocketAddress server) throws IOException {
    SocketChannel channel = SocketChannel.open();
    channel.configureBlocking(false);
    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    channel.connect(server);
    SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
    LoadConnection connection = new LoadConnection(channel, key);
    key.attach(connection);
    return connection;
  }

  /**
   * Writes the request; its answer is read as the connection becomes readable. False when the
   * connection failed, failing the request with it.
   */
  boolean start(LoadExchange exchange) {
    current = exchange;
    sentAt = System.nanoTime();
    try {
      channel.write(exchange.request());
      key.interestOps(
          exchange.request().hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
      return true;
    } catch (IOException e) {
      fail(e);
      return false;
    }
  }

  Outcome ready() {
    try {
      if (connecting) {
        channel.finishConnect();
        connecting = false;
        key.interestOps(SelectionKey.OP_READ);
        return Outcome.CONNECTED;
      }
      if (key.isWritable()) {
        channel.write(current.request());
        if (!current.request().hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ);
        }
        return Outcome.BUSY;
      }
      return read();
    } catch (IOException e) {
      fail(e);
      return Outcome.FAILED;
    }
  }

  private Outcome read() throws IOException {
    if (reader.readFrom(channel) < 0) {
      fail(new IOException("the server closed the connection"));
      return Outcome.FAILED;
    }
    int status = reader.next();
    if (status < 0 || current == null) {
      return Outcome.BUSY;
    }
    LoadExchange answered = current;
    current = null;
    answered.answered(status);
    if (reader.closeAfter()) {
      fail(new IOException("the server closed the connection"));
      return Outcome.FAILED;
    }
    return Outcome.ANSWERED;
  }

  boolean wasConnecting() {
    return connecting;
  }

  IOException failure() {
    return failure;
  }

  /** How long its request has waited for an answer, or 0 when it has none in flight. */
  long inFlightSince(long now) {
    return current == null ? 0 : now - sentAt;
  }

  /** Ends the connection, failing its request in flight, if any. */
  void fail(Exception cause) {
    failure = cause instanceof IOException io ? io : new IOException(cause);
    if (current != null) {
      current.fail(cause);
      current = null;
    }
    key.cancel();
    try {
      channel.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
