package io.cairn.app.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.app.RunningApp;
import io.cairn.app.write.CommandClient;
import io.cairn.testkit.WithRealKafka;
import io.cairn.web.auth.ClusterSecret;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Views that another instance stopped for its rebuild, and never started again (it died
 * mid-rebuild, say), start again by themselves after views.pause.max, and refuse queries until a
 * rebuild completes, rather than stay stopped for good.
 */
@WithRealKafka
class PauseLimitTest {
  private static final String SECRET = "the pause limit test's cluster secret";

  @RegisterExtension
  static final RunningApp app =
      new RunningApp(List.of("--cluster.secret=" + SECRET, "--views.pause.max=PT3S"));

  @Test
  void viewsAnotherInstanceStoppedStartAgainAfterThePauseLimitAndAskForARebuild() throws Exception {
    ClusterSecret cluster =
        ClusterSecret.of(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
    HttpResponse<String> paused =
        HttpClient.newHttpClient()
            .send(
                cluster.sign(
                    HttpRequest.newBuilder(app.httpUri().resolve("/api/v1/views/rebuild/pause"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(60))
                        .build()),
                HttpResponse.BodyHandlers.ofString());
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    assertThat(app.client().get("/api/v1/products").status()).isEqualTo(503);

    CommandClient.Answer resumed =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> app.client().get("/api/v1/products"),
                answer -> answer.body().contains("views.pause.max"));

    assertThat(resumed.status()).isEqualTo(503);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> app.client().get("/health/ready").status() == 200);
  }
}
