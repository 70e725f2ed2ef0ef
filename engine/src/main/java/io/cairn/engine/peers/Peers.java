package io.cairn.engine.peers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import org.apache.kafka.streams.state.HostInfo;

/**
 * How this instance calls the others of its cluster over their HTTP API (a forwarded query, a
 * rebuild's pause): over TLS, trusting the certificates they share, when the API serves HTTPS, and
 * each request signed so that they know it for one of theirs.
 *
 * @param tls the context that trusts the cluster's certificates; empty when the API is plain HTTP
 * @param sign signs a request with the cluster's secret
 */
public record Peers(Optional<SSLContext> tls, UnaryOperator<HttpRequest> sign) {

  /** Checks that both are there. */
  public Peers {
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(sign, "sign");
  }

  /** Peers over plain HTTP. */
  public static Peers plain(UnaryOperator<HttpRequest> sign) {
    return new Peers(Optional.empty(), sign);
  }

  /** The address of a path on a peer. */
  public URI uri(HostInfo peer, String pathAndQuery) {
    return URI.create(
        (tls.isPresent() ? "https" : "http")
            + "://"
            + peer.host()
            + ":"
            + peer.port()
            + pathAndQuery);
  }

  /** A client builder that speaks to the peers as they serve. */
  public HttpClient.Builder client() {
    HttpClient.Builder builder = HttpClient.newBuilder();
    tls.ifPresent(builder::sslContext);
    return builder;
  }
}
