package io.cairn.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on 127.0.0.1 for fault injection, in the manner of Toxiproxy: forwards every
 * connection to its upstream, and on request delays each chunk of bytes either way, or cuts the
 * network, closing every open connection and refusing new ones until healed.
 */
public final class TcpProxy implements AutoCloseable {
  private static final int CHUNK = 64 * 1024;

  private final ServerSocket server;
  private final InetSocketAddress upstream;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile long delayNanos;
  private volatile boolean cut;
  private volatile boolean closed;

  private TcpProxy(ServerSocket server, InetSocketAddress upstream) {
    this.server = server;
    this.upstream = upstream;
  }

  /** A proxy on the given port (0 for any free one) to the upstream port on 127.0.0.1. */
  public static TcpProxy start(int port, int upstreamPort) {
    try {
      InetAddress loopback = InetAddress.getByName("127.0.0.1");
      ServerSocket server = new ServerSocket(port, 50, loopback);
      TcpProxy proxy = new TcpProxy(server, new InetSocketAddress(loopback, upstreamPort));
      Thread.ofVirtual().name("tcp-proxy-" + server.getLocalPort()).start(proxy::accept);
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  /** The port clients connect to. */
  public int port() {
    return server.getLocalPort();
  }

  /** Delays every chunk of bytes, either way, by this much from now on; zero for none. */
  public void delay(Duration delay) {
    delayNanos = delay.toNanos();
  }

  /** Cuts the network: closes every connection and refuses new ones until {@link #heal}. */
  public void cut() {
    cut = true;
    open.forEach(TcpProxy::closeQuietly);
  }

  /** Lets connections through again, without delay. */
  public void heal() {
    delayNanos = 0;
    cut = false;
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        if (cut) {
          closeQuietly(client);
          continue;
        }
        Thread.ofVirtual().start(() -> connect(client));
      } catch (IOException e) {
        if (!closed) {
          throw new UncheckedIOException("the proxy on " + port() + " stopped accepting", e);
        }
      }
    }
  }

  private void connect(Socket client) {
    Socket target = new Socket();
    try {
      target.connect(upstream, 5_000);
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(target);
      return;
    }
    open.add(client);
    open.add(target);
    Thread.ofVirtual().start(() -> pump(client, target));
    Thread.ofVirtual().start(() -> pump(target, client));
  }

  /** Copies one way until either side closes, then closes both. */
  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[CHUNK];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0 && !cut) {
        long delay = delayNanos;
        if (delay > 0) {
          LockSupport.parkNanos(delay);
        }
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // A side closed, or the network was cut: the connection ends either way.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed by the other pump, or by a cut.
    }
  }

  /** Stops listening and closes every connection. */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the proxy on " + port(), e);
    }
    open.forEach(TcpProxy::closeQuietly);
  }
}
