package io.cairn.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.testkit.TestTokens;
import io.cairn.web.ApiException;
import io.cairn.web.HttpServer;
import io.cairn.web.Json;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtAuthenticatorTest {
  private static final byte[] SECRET =
      "a development secret of at least 32 bytes".getBytes(StandardCharsets.UTF_8);
  private static final Optional<String> AUDIENCE = Optional.of(TestTokens.AUDIENCE);
  private static final Duration SKEW = Duration.ofSeconds(30);

  @TempDir Path dir;

  private static JwtAuthenticator sharedSecret() {
    return new JwtAuthenticator(
        new JwtKeys.SharedSecret(SECRET), TestTokens.ISSUER, AUDIENCE, SKEW);
  }

  @Test
  void aValidTokenGivesItsSubjectAndScopes() {
    String token = TestTokens.hs256(SECRET).token("ann", "cairn:read", "cairn:report");

    Principal principal = sharedSecret().authenticate(Optional.of(token));

    assertThat(principal.subject()).contains("ann");
    assertThat(principal.scopes()).containsExactlyInAnyOrder("cairn:read", "cairn:report");
    assertThat(principal.mayAny(Set.of(Scope.READ))).isTrue();
    assertThat(principal.mayAny(Set.of(Scope.COMMAND, Scope.ADMIN))).isFalse();
  }

  @Test
  void refusesAMissingExpiredForeignOrForgedToken() {
    JwtAuthenticator authenticator = sharedSecret();
    TestTokens tokens = TestTokens.hs256(SECRET);
    TestTokens forger = TestTokens.hs256("another secret of at least 32 bytes!".getBytes());

    assertRefused(authenticator, null, "required");
    assertRefused(authenticator, "not-a-jwt", "not a JWT");
    assertRefused(
        authenticator,
        tokens.token("ann", Instant.now().minus(Duration.ofMinutes(5)), TestTokens.ISSUER),
        "xpired");
    assertRefused(
        authenticator,
        tokens.token("ann", Instant.now().plus(Duration.ofHours(1)), "https://elsewhere"),
        "iss");
    assertRefused(authenticator, forger.token("ann", "cairn:admin"), "refused");
  }

  @Test
  void refusesATokenForAnotherAudience() {
    JwtAuthenticator strict =
        new JwtAuthenticator(
            new JwtKeys.SharedSecret(SECRET), TestTokens.ISSUER, Optional.of("billing"), SKEW);

    assertRefused(strict, TestTokens.hs256(SECRET).token("ann", "cairn:read"), "aud");
  }

  @Test
  void verifiesRs256AndEs256WithAPublicKeyFile() throws Exception {
    for (TestTokens tokens : new TestTokens[] {TestTokens.rs256(), TestTokens.es256()}) {
      Path pem =
          Files.writeString(
              dir.resolve("key-" + System.nanoTime() + ".pem"), tokens.publicKeyPem());
      JwtAuthenticator authenticator =
          new JwtAuthenticator(new JwtKeys.PublicKeyFile(pem), TestTokens.ISSUER, AUDIENCE, SKEW);

      assertThat(
              authenticator
                  .authenticate(Optional.of(tokens.token("bo", "cairn:command")))
                  .subject())
          .contains("bo");
      assertRefused(authenticator, TestTokens.rs256().token("bo", "cairn:command"), "refused");
    }
  }

  @Test
  void verifiesWithTheIdentityProvidersJwks() {
    TestTokens tokens = TestTokens.rs256();
    try (HttpServer provider =
        HttpServer.start(
            new HttpServer.Settings("127.0.0.1", 0, 65_536),
            Json.newMapper(),
            config ->
                config.routes.get(
                    "/jwks.json",
                    ctx -> ctx.contentType("application/json").result(tokens.jwks()),
                    Scope.OPEN))) {
      JwtAuthenticator authenticator =
          new JwtAuthenticator(
              new JwtKeys.Jwks(provider.uri().resolve("/jwks.json")),
              TestTokens.ISSUER,
              AUDIENCE,
              SKEW);

      assertThat(
              authenticator.authenticate(Optional.of(tokens.token("cy", "cairn:read"))).subject())
          .contains("cy");
      assertRefused(authenticator, TestTokens.rs256().token("cy", "cairn:read"), "");
    }
  }

  @Test
  void anIssuerWhoseKeysCannotBeFetchedIsA503NotTheCallersFault() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    JwtAuthenticator authenticator =
        new JwtAuthenticator(
            new JwtKeys.Jwks(URI.create("http://127.0.0.1:" + closed + "/jwks.json")),
            TestTokens.ISSUER,
            AUDIENCE,
            SKEW);

    assertThatThrownBy(
            () ->
                authenticator.authenticate(
                    Optional.of(TestTokens.rs256().token("dee", "cairn:read"))))
        .isInstanceOfSatisfying(
            ApiException.class, refused -> assertThat(refused.status()).isEqualTo(503));
  }

  @Test
  void aSharedSecretIsAtLeast32Bytes() {
    assertThatThrownBy(() -> new JwtKeys.SharedSecret("short".getBytes()))
        .hasMessageContaining("32 bytes");
  }

  private static void assertRefused(JwtAuthenticator authenticator, String token, String why) {
    assertThatThrownBy(() -> authenticator.authenticate(Optional.ofNullable(token)))
        .isInstanceOf(Authenticator.Unauthenticated.class)
        .hasMessageContaining(why);
  }
}
