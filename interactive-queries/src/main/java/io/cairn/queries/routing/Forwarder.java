package io.cairn.queries.routing;

import io.cairn.engine.peers.Peers;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Sends a query on to another Cairn instance, as it came, marked so that the other instance answers
 * it from its own stores rather than sending it on again, and signed, so that it takes the mark
 * from this instance and not from a client.
 */
public final class Forwarder implements AutoCloseable {
  /** Marks a forwarded query with the instance that forwarded it. */
  public static final String FORWARDED_BY = "Cairn-Forwarded-By";

  /** On a forwarded list query: the partitions the instance answers for. */
  public static final String PARTITIONS = "Cairn-Partitions";

  /** The customer a forwarded query's client is confined to, when it is. */
  public static final String CUSTOMER = "Cairn-Customer";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

  /** Beyond the longest wait a query may ask for, what the other instance may take to answer. */
  private static final Duration ANSWER_MARGIN = Duration.ofSeconds(5);

  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient client;
  private final HostInfo self;
  private final Peers peers;

  /** A forwarder of this instance's queries to its peers, as they serve and sign. */
  public Forwarder(HostInfo self, Peers peers) {
    this.self = self;
    this.peers = peers;
    this.client = peers.client().connectTimeout(CONNECT_TIMEOUT).executor(executor).build();
  }

  /**
   * Sends a GET on.
   *
   * @param pathAndQuery the path and query string, as the client sent them
   * @param headers headers to pass on besides the forwarding mark
   * @param wait the longest the query may wait for its view
   * @return the other instance's answer; fails when it cannot be reached
   */
  public CompletableFuture<HttpResponse<String>> get(
      HostInfo to, String pathAndQuery, Map<String, String> headers, Duration wait) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(peers.uri(to, pathAndQuery))
            .timeout(wait.plus(ANSWER_MARGIN))
            .header(FORWARDED_BY, name(self))
            .GET();
    headers.forEach(request::header);
    return client.sendAsync(
        peers.sign().apply(request.build()), HttpResponse.BodyHandlers.ofString());
  }

  /** How an instance is named in headers: {@code host:port}. */
  public static String name(HostInfo host) {
    return host.host() + ":" + host.port();
  }

  /** Whether a failure to forward means the other instance is out of reach. */
  public static boolean unreachable(Throwable failure) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    return cause instanceof IOException;
  }

  @Override
  public void close() {
    client.close();
    executor.close();
  }
}
