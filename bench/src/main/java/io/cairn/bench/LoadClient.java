package io.cairn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The measured requests' HTTP/1.1 client: one thread, one selector, keep-alive connections opened
 * as the load needs them up to a limit, one request in flight on each. It shares the app's cores,
 * so it must cost little: Java's {@code HttpClient} spent about 200 µs of CPU a request, as much as
 * the whole machine can afford a command at 10,000/s; this spends a few tens.
 */
final class LoadClient implements AutoCloseable {
  private final InetSocketAddress server;
  private final String host;
  private final int maxConnections;
  private final long timeoutNanos;
  private final Selector selector;
  private final Queue<LoadExchange> submitted = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean wakeupPending = new AtomicBoolean();
  private final ArrayDeque<LoadExchange> waiting = new ArrayDeque<>();
  private final ArrayDeque<LoadConnection> idle = new ArrayDeque<>();
  private final Set<LoadConnection> open = new HashSet<>();
  private final Thread loop;
  private volatile boolean running = true;
  private int connecting;

  /** The client of a benchmark's measured requests: its app, its connections, 30 s per answer. */
  static LoadClient of(BenchSettings settings) throws IOException {
    return new LoadClient(settings.api(), settings.connections(), Duration.ofSeconds(30));
  }

  LoadClient(URI api, int maxConnections, Duration timeout) throws IOException {
    this.server = new InetSocketAddress(api.getHost(), api.getPort() < 0 ? 80 : api.getPort());
    this.host = api.getHost() + (api.getPort() < 0 ? "" : ":" + api.getPort());
    this.maxConnections = maxConnections;
    this.timeoutNanos = timeout.toNanos();
    this.selector = Selector.open();
    this.loop = Thread.ofPlatform().name("cairn-bench-load").daemon().start(this::run);
  }

  /** A GET; the future completes with the answer's status. */
  CompletableFuture<Integer> get(String path) {
    return submit("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
  }

  /** A POST of a JSON body; the future completes with the answer's status. */
  CompletableFuture<Integer> post(String path, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return submit(
        "POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n"
            + json);
  }

  private CompletableFuture<Integer> submit(String request) {
    LoadExchange exchange = new LoadExchange(request);
    submitted.add(exchange);
    if (wakeupPending.compareAndSet(false, true)) {
      selector.wakeup();
    }
    return exchange.answer();
  }

  private void run() {
    long nextExpiry = System.nanoTime();
    try {
      while (running) {
        selector.select(10);
        wakeupPending.set(false);
        for (LoadExchange e; (e = submitted.poll()) != null; ) {
          waiting.add(e);
        }
        for (SelectionKey key : selector.selectedKeys()) {
          ready((LoadConnection) key.attachment());
        }
        selector.selectedKeys().clear();
        dispatch();
        if (System.nanoTime() - nextExpiry > 0) {
          expire();
          nextExpiry = System.nanoTime() + 100_000_000L;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      failAll(new IOException("the load client closed"));
    }
  }

  private void ready(LoadConnection connection) {
    LoadConnection.Outcome outcome = connection.ready();
    switch (outcome) {
      case CONNECTED -> {
        connecting--;
        startOrIdle(connection);
      }
      case ANSWERED -> startOrIdle(connection);
      case FAILED -> {
        if (connection.wasConnecting()) {
          connecting--;
          LoadExchange unserved = waiting.poll();
          if (unserved != null) {
            unserved.fail(connection.failure());
          }
        }
        idle.remove(connection);
        open.remove(connection);
      }
      case BUSY -> {}
    }
  }

  private void startOrIdle(LoadConnection connection) {
    LoadExchange next = waiting.poll();
    if (next == null) {
      idle.add(connection);
    } else {
      start(connection, next);
    }
  }

  private void start(LoadConnection connection, LoadExchange exchange) {
    if (!connection.start(exchange)) {
      open.remove(connection);
    }
  }

  private void dispatch() throws IOException {
    while (!waiting.isEmpty()) {
      LoadConnection connection = idle.poll();
      if (connection != null) {
        start(connection, waiting.poll());
      } else if (open.size() < maxConnections && waiting.size() > connecting) {
        open.add(LoadConnection.open(selector, server));
        connecting++;
      } else {
        return;
      }
    }
  }

  private void expire() {
    long now = System.nanoTime();
    List<LoadConnection> late = new ArrayList<>();
    for (LoadConnection connection : open) {
      if (connection.inFlightSince(now) > timeoutNanos) {
        late.add(connection);
      }
    }
    for (LoadConnection connection : late) {
      connection.fail(new TimeoutException("no answer within " + timeoutNanos / 1_000_000 + " ms"));
      open.remove(connection);
    }
  }

  private void failAll(IOException cause) {
    open.forEach(connection -> connection.fail(cause));
    waiting.forEach(exchange -> exchange.fail(cause));
    submitted.forEach(exchange -> exchange.fail(cause));
  }

  @Override
  public void close() throws InterruptedException, IOException {
    running = false;
    selector.wakeup();
    loop.join();
    selector.close();
  }
}
