package io.cairn.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.testkit.TestTokens;
import io.cairn.web.HttpServer;
import io.cairn.web.Json;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessControlTest {
  private static final byte[] SECRET =
      "a development secret of at least 32 bytes".getBytes(StandardCharsets.UTF_8);
  private static final TestTokens TOKENS = TestTokens.hs256(SECRET);
  private static final int RATE = 5;
  private static final ClusterSecret CLUSTER =
      ClusterSecret.of("the cluster's own secret, 32 bytes long".getBytes(), Clock.systemUTC());

  private final HttpClient http = HttpClient.newHttpClient();
  private Javalin server;
  private URI base;

  @BeforeEach
  void start() {
    Authenticator jwt =
        new JwtAuthenticator(
            new JwtKeys.SharedSecret(SECRET),
            TestTokens.ISSUER,
            Optional.empty(),
            Duration.ofSeconds(30));
    server =
        HttpServer.configured(
                65_536,
                Json.newMapper(),
                new Access(jwt, CLUSTER, RATE),
                config -> {
                  config.routes.get("/open", ctx -> ctx.result("open"), Scope.OPEN);
                  config.routes.get(
                      "/read",
                      ctx -> ctx.result(Principal.of(ctx).subject().orElseThrow()),
                      Scope.READ);
                  config.routes.get(
                      "/either", ctx -> ctx.result("either"), Scope.READ, Scope.ADMIN);
                  config.routes.get(
                      "/mine",
                      ctx -> ctx.result(Principal.customerOnly(ctx).orElse("anyone's")),
                      Scope.READ,
                      Scope.CUSTOMER);
                  config.routes.get("/undeclared", ctx -> ctx.result("undeclared"));
                  config.routes.get(
                      "/internal",
                      ctx -> ctx.result(Boolean.toString(Principal.of(ctx).instance())),
                      Scope.INTERNAL);
                })
            .start("127.0.0.1", 0);
    base = URI.create("http://127.0.0.1:" + server.port());
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aCustomerTokenIsConfinedToItsSubjectWhereCustomersMayComeAndRefusedElsewhere()
      throws Exception {
    String customer = "Bearer " + TOKENS.token("alice", "cairn:customer");

    assertThat(get("/mine", customer).body()).isEqualTo("alice");
    assertThat(get("/read", customer).statusCode()).isEqualTo(403);
  }

  @Test
  void aReadersTokenIsNotConfinedEvenWithTheCustomerScope() throws Exception {
    String both = "Bearer " + TOKENS.token("alice", "cairn:customer", "cairn:read");

    assertThat(get("/mine", both).body()).isEqualTo("anyone's");
  }

  @Test
  void anOpenRouteNeedsNoToken() throws Exception {
    assertThat(get("/open", null).statusCode()).isEqualTo(200);
  }

  @Test
  void noTokenIs401WithAChallengeInTheErrorShape() throws Exception {
    HttpResponse<String> answer = get("/read", null);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"cairn\"");
    assertThat(answer.body()).contains("\"error\":\"unauthorized\"");
  }

  @Test
  void aRefusedTokenIs401WithInvalidToken() throws Exception {
    HttpResponse<String> answer = get("/read", "Bearer nonsense");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"invalid_token\"");
    assertThat(get("/read", "Basic YW5uOnB3").statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenWithoutTheScopeIs403AndOneWithItPasses() throws Exception {
    HttpResponse<String> refused = get("/read", "Bearer " + TOKENS.token("ann", "cairn:report"));
    HttpResponse<String> taken = get("/read", "Bearer " + TOKENS.token("ann", "cairn:read"));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("\"error\":\"forbidden\"", "cairn:read");
    assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("insufficient_scope");
    assertThat(taken.statusCode()).isEqualTo(200);
    assertThat(taken.body()).isEqualTo("ann");
    assertThat(get("/either", "Bearer " + TOKENS.token("ann", "cairn:admin")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aRouteThatDeclaresNothingIsForOperatorsOnly() throws Exception {
    assertThat(get("/undeclared", "Bearer " + TOKENS.token("ann", "cairn:read")).statusCode())
        .isEqualTo(403);
    assertThat(get("/undeclared", "Bearer " + TOKENS.token("ann", "cairn:admin")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void anInstanceOfTheClusterIsKnownByItsSignatureAndNoTokenGrantsWhatOnlyItMay() throws Exception {
    HttpRequest signed =
        CLUSTER.sign(HttpRequest.newBuilder(base.resolve("/internal?x=1")).build());
    HttpResponse<String> answer = http.send(signed, HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("true");
    assertThat(
            get("/internal", "Bearer " + TOKENS.token("ann", "cairn:admin", "cairn:internal"))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void aForgedOrReplayedSignatureIs401() throws Exception {
    ClusterSecret other =
        ClusterSecret.of("somebody else's secret, 32 bytes long".getBytes(), Clock.systemUTC());
    HttpRequest forged = other.sign(HttpRequest.newBuilder(base.resolve("/internal")).build());
    HttpRequest moved =
        HttpRequest.newBuilder(base.resolve("/read"))
            .header(
                ClusterSecret.SIGNATURE,
                CLUSTER
                    .sign(HttpRequest.newBuilder(base.resolve("/internal")).build())
                    .headers()
                    .firstValue(ClusterSecret.SIGNATURE)
                    .orElseThrow())
            .header(ClusterSecret.TIME, Long.toString(System.currentTimeMillis()))
            .build();
    ClusterSecret past =
        ClusterSecret.of(
            "the cluster's own secret, 32 bytes long".getBytes(),
            Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)));
    HttpRequest stale = past.sign(HttpRequest.newBuilder(base.resolve("/internal")).build());

    for (HttpRequest request : new HttpRequest[] {forged, moved, stale}) {
      assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
          .as(request.uri().toString())
          .isEqualTo(401);
    }
  }

  @Test
  void aClientPastItsRateIs429WithRetryAfterWhileOthersAndTheProbesGoOn() throws Exception {
    String ann = "Bearer " + TOKENS.token("ann", "cairn:read");
    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> refused = null;
    for (int i = 0; i < RATE * 3 && refused == null; i++) {
      HttpResponse<String> answer = get("/read", ann);
      statuses.add(answer.statusCode());
      if (answer.statusCode() == 429) {
        refused = answer;
      }
    }

    assertThat(refused).as("statuses " + statuses).isNotNull();
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.body()).contains("\"error\":\"too_many_requests\"");
    assertThat(get("/read", "Bearer " + TOKENS.token("bo", "cairn:read")).statusCode())
        .isEqualTo(200);
    assertThat(get("/open", null).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
