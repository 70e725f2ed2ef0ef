package io.cairn.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.app.RunningApp;
import io.cairn.app.contract.OpenApiConformance;
import io.cairn.testkit.TestTokens;
import io.cairn.testkit.WithRealKafka;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation of the app's OpenAPI document, called with no token, an expired one, a forged
 * one, one from another issuer and one of each scope: 401 where there is no valid token, 403 where
 * the token lacks the operation's scopes, and past the check where it has one; a customer's token
 * for another customer is refused everything. The document's scopes are the routes' own: a route
 * that asks for another scope than the document says fails.
 */
@WithRealKafka
class AccessMatrixTest {
  private static final String SECRET = "the access matrix's secret, 32 bytes or more";
  private static final TestTokens TOKENS =
      TestTokens.hs256(SECRET.getBytes(StandardCharsets.UTF_8));
  private static final TestTokens FORGER =
      TestTokens.hs256("a forger's secret, also 32 bytes or more".getBytes(StandardCharsets.UTF_8));
  private static final List<String> SCOPES =
      List.of("cairn:command", "cairn:read", "cairn:report", "cairn:admin");
  private static final String CUSTOMER = "cairn:customer";
  private static final int REFUSED = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final RunningApp app = RunningApp.withJwt(SECRET);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void everyOperationAnswersEachCredentialAsItsScopesSay() throws Exception {
    JsonNode document = JSON.readTree(call("get", URI.create("/openapi.json"), null).body);
    OpenApiConformance conformance = new OpenApiConformance(document);
    Map<String, String> invalid = invalidTokens();
    List<String> wrong = new ArrayList<>();
    int operations = 0;
    for (var path : document.path("paths").properties()) {
      for (var operation : path.getValue().properties()) {
        operations++;
        String method = operation.getKey();
        URI uri = sample(path.getKey());
        Set<String> needed = scopes(operation.getValue());
        for (var credential : invalid.entrySet()) {
          Answer answer = call(method, uri, credential.getValue());
          int expected = needed.isEmpty() ? -1 : 401;
          check(wrong, method, uri, credential.getKey(), answer, expected, conformance);
        }
        for (String scope : SCOPES) {
          Answer answer = call(method, uri, TOKENS.token("matrix", scope));
          int expected = needed.isEmpty() || needed.contains(scope) ? -1 : 403;
          check(wrong, method, uri, scope, answer, expected, conformance);
        }
        Answer stranger = call(method, uri, TOKENS.token("stranger", CUSTOMER));
        check(
            wrong,
            method,
            uri,
            "another customer's token",
            stranger,
            forStranger(method, needed),
            conformance);
      }
    }

    assertThat(operations).isGreaterThan(60);
    assertThat(wrong).isEmpty();
  }

  @Test
  void theAuditTrailNamesTheTokensSubjectWhateverTheActorHeaderSays() throws Exception {
    String cart = "matrix-cart-" + System.nanoTime();
    HttpResponse<String> sent =
        http.send(
            HttpRequest.newBuilder(app.httpUri().resolve("/api/v1/carts/" + cart + "/commands"))
                .header("Authorization", "Bearer " + TOKENS.token("ann", "cairn:command"))
                .header("Actor", "mallory")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"tea\",\"quantity\":1}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    String token = JSON.readTree(sent.body()).get("consistencyToken").asText();

    Answer history =
        call(
            "get",
            URI.create("/api/v1/carts/" + cart + "/events?consistencyToken=" + token),
            TOKENS.token("auditor", "cairn:read"));

    assertThat(history.status).as(history.body).isEqualTo(200);
    assertThat(JSON.readTree(history.body).at("/items/0/actor").asText()).isEqualTo("ann");
  }

  @Test
  void aCustomerReadsAndCommandsWhatIsItsOwnAndNothingElse() throws Exception {
    String suffix = Long.toString(System.nanoTime());
    String alice = "alice-" + suffix;
    String bob = "bob-" + suffix;
    String cart = "cart-" + suffix;
    String asAlice = TOKENS.token(alice, CUSTOMER);
    String asBob = TOKENS.token(bob, CUSTOMER);
    String storefront = TOKENS.token("storefront", "cairn:command");

    Answer registered = command("customers", alice, asAlice, register(alice));
    assertThat(registered.status).as(registered.body).isEqualTo(200);
    assertThat(command("customers", bob, asAlice, register(bob)).status).isEqualTo(403);
    assertThat(command("customers", bob, asBob, register(bob)).status).isEqualTo(200);
    Answer award =
        command(
            "customers",
            alice,
            asAlice,
            "{\"type\":\"AwardPoints\",\"payload\":{\"points\":1000,\"reason\":\"me\"}}");
    assertThat(award.status).as(award.body).isEqualTo(403);
    assertThat(JSON.readTree(award.body).path("details").has("version")).isFalse();
    assertThat(command("products", "tea", asAlice, "{\"type\":\"Nothing\"}").status).isEqualTo(403);

    String addTea = "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"tea\",\"quantity\":1}}";
    assertThat(command("carts", cart, asAlice, addTea).status).isEqualTo(403);
    assertThat(command("carts", cart, storefront, addTea).status).isEqualTo(200);
    assertThat(command("carts", cart, asAlice, checkOut(bob)).status).isEqualTo(403);
    Answer checkedOut = command("carts", cart, asAlice, checkOut(alice));
    assertThat(checkedOut.status).as(checkedOut.body).isEqualTo(200);
    String token = JSON.readTree(checkedOut.body).get("consistencyToken").asText();

    String own = "/api/v1/customers/" + alice + "?consistencyToken=" + token;
    assertThat(call("get", URI.create(own), asAlice).status).isEqualTo(200);
    assertThat(call("get", URI.create(own), asBob).status).isEqualTo(403);
    URI cartState = URI.create("/api/v1/carts/" + cart + "/state?consistencyToken=" + token);
    assertThat(call("get", cartState, asAlice).status).isEqualTo(200);
    assertThat(call("get", cartState, asBob).status).isEqualTo(403);
    URI orders = URI.create("/api/v1/customers/" + alice + "/orders");
    assertThat(call("get", orders, asAlice).status).isEqualTo(200);
    assertThat(call("get", orders, asBob).status).isEqualTo(403);
    assertThat(call("get", URI.create("/api/v1/customers"), asAlice).status).isEqualTo(403);
    URI process = URI.create("/api/v1/processes/checkout/" + cart);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> call("get", process, asAlice).status == 200);
    assertThat(call("get", process, asBob).status).isEqualTo(403);
  }

  private static String register(String customer) {
    return "{\"type\":\"RegisterCustomer\",\"payload\":{\"name\":\""
        + customer
        + "\",\"email\":\""
        + customer
        + "@example.com\"}}";
  }

  private static String checkOut(String customer) {
    return "{\"type\":\"CheckOut\",\"payload\":{\"customerId\":\"" + customer + "\"}}";
  }

  private Answer command(String type, String id, String token, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(
                    app.httpUri().resolve("/api/v1/" + type + "/" + id + "/commands"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(
        answer.statusCode(), answer.headers().firstValue("Content-Type"), answer.body());
  }

  @Test
  void theRegistryIsReadByAnyoneButChangedOnlyByTheAppItself() throws Exception {
    URI registry = app.registryUri();
    HttpResponse<String> subjects =
        http.send(
            HttpRequest.newBuilder(registry.resolve("/subjects")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> loosen =
        http.send(
            HttpRequest.newBuilder(registry.resolve("/config"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"NONE\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> drop =
        http.send(
            HttpRequest.newBuilder(registry.resolve("/subjects/cairn.carts.events-value"))
                .header("Authorization", "Bearer " + TOKENS.token("admin", "cairn:admin"))
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    // The app registered its contract with its own user: its subjects are there.
    assertThat(subjects.statusCode()).isEqualTo(200);
    assertThat(subjects.body()).contains("cairn.carts.events-value");
    assertThat(loosen.statusCode()).as(loosen.body()).isEqualTo(401);
    assertThat(loosen.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
    assertThat(drop.statusCode()).as(drop.body()).isEqualTo(401);
  }

  @Test
  void whatInstancesTellEachOtherIsIgnoredFromAClientAndAForgedSignatureIsRefused()
      throws Exception {
    String reader = "Bearer " + TOKENS.token("reader", "cairn:read");
    HttpResponse<String> partitions =
        http.send(
            HttpRequest.newBuilder(app.httpUri().resolve("/api/v1/products"))
                .header("Authorization", reader)
                .header("Cairn-Partitions", "x")
                .header("Cairn-Forwarded-By", "10.0.0.1:8080")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> forged =
        http.send(
            HttpRequest.newBuilder(app.httpUri().resolve("/api/v1/views/rebuild/pause"))
                .header("Cairn-Internal-Time", Long.toString(System.currentTimeMillis()))
                .header("Cairn-Internal-Signature", "00".repeat(32))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(partitions.statusCode()).as(partitions.body()).isEqualTo(200);
    assertThat(JSON.readTree(partitions.body()).has("items")).isTrue();
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(401);
  }

  /**
   * What a customer's token for someone else meets: nothing at {@code matrix-1} is its own, so
   * every read is a 403; a command is refused before it is parsed where customers send no commands,
   * and otherwise, its body being no command at all, with a 4xx of its own ({@link
   * #aCustomerReadsAndCommandsWhatIsItsOwnAndNothingElse} sends real ones).
   */
  private static int forStranger(String method, Set<String> needed) {
    if (needed.isEmpty()) {
      return -1;
    }
    return method.equals("post") && needed.contains(CUSTOMER) ? REFUSED : 403;
  }

  private static Map<String, String> invalidTokens() {
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("no token", null);
    tokens.put(
        "an expired token",
        TOKENS.token(
            "matrix",
            Instant.now().minus(Duration.ofMinutes(10)),
            TestTokens.ISSUER,
            SCOPES.toArray(String[]::new)));
    tokens.put("a forged token", FORGER.token("matrix", SCOPES.toArray(String[]::new)));
    tokens.put(
        "another issuer's token",
        TOKENS.token(
            "matrix",
            Instant.now().plus(Duration.ofHours(1)),
            "https://elsewhere.test",
            SCOPES.toArray(String[]::new)));
    return tokens;
  }

  /** The scopes any one of which the operation needs; none for an open one. */
  private static Set<String> scopes(JsonNode operation) {
    Set<String> scopes = new TreeSet<>();
    operation
        .path("security")
        .forEach(requirement -> requirement.path("bearer").forEach(s -> scopes.add(s.asText())));
    return scopes;
  }

  private static URI sample(String template) {
    return URI.create(template.replace("{id}", "matrix-1").replace("{entry}", "0-0-0"));
  }

  /**
   * Fails unless the status is the expected one; with -1, anything but 401 and 403; with {@link
   * #REFUSED}, a 4xx other than 401.
   */
  private static void check(
      List<String> wrong,
      String method,
      URI uri,
      String credential,
      Answer answer,
      int expected,
      OpenApiConformance conformance) {
    boolean right =
        switch (expected) {
          case -1 -> answer.status != 401 && answer.status != 403;
          case REFUSED -> answer.status >= 400 && answer.status < 500 && answer.status != 401;
          default -> answer.status == expected;
        };
    if (!right) {
      wrong.add(
          method.toUpperCase()
              + " "
              + uri
              + " with "
              + credential
              + ": "
              + answer.status
              + (expected == -1 ? "" : ", not " + expected));
    }
    if (answer.status == 401 || answer.status == 403) {
      conformance.check(
          method.toUpperCase(),
          app.httpUri().resolve(uri),
          answer.status,
          answer.contentType,
          answer.body);
    }
  }

  private record Answer(int status, Optional<String> contentType, String body) {}

  private Answer call(String method, URI path, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(app.httpUri().resolve(path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (method.equals("post")) {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"Nothing\",\"payload\":{}}"));
    }
    // A report's stream never ends: its status and headers are all this test reads.
    HttpResponse<InputStream> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    String body;
    if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
      response.body().close();
      body = "";
    } else {
      try (InputStream in = response.body()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return new Answer(response.statusCode(), response.headers().firstValue("Content-Type"), body);
  }
}
