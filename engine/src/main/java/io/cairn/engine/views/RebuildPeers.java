package io.cairn.engine.views;

import io.cairn.engine.peers.Peers;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The other instances' part in a rebuild, asked over their HTTP API: each stops its views while one
 * instance resets and replays them, then starts them again on the rebuilt changelogs.
 */
final class RebuildPeers {
  /** Beyond the views' own close timeout, what an instance may take to answer. */
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http;
  private final Peers peers;

  RebuildPeers(Peers peers) {
    this.peers = peers;
    this.http = peers.client().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Has a peer stop its views. */
  void pause(HostInfo peer) {
    post(peer, ReadSide.PAUSE);
  }

  /** Has a peer start its views again, answering queries only if the rebuild succeeded. */
  void resume(HostInfo peer, boolean serve) {
    post(peer, ReadSide.RESUME + "?serve=" + serve);
  }

  private void post(HostInfo peer, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(peers.uri(peer, path))
            .timeout(ANSWER_TIMEOUT)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      HttpResponse<String> response =
          http.send(peers.sign().apply(request), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "%s answered %d to %s: %s"
                .formatted(name(peer), response.statusCode(), path, response.body()));
      }
    } catch (IOException e) {
      throw new IllegalStateException("%s did not answer %s: %s".formatted(name(peer), path, e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted asking " + name(peer), e);
    }
  }

  static String name(HostInfo peer) {
    return peer.host() + ":" + peer.port();
  }
}
