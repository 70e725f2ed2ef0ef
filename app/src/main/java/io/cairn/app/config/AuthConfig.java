package io.cairn.app.config;

import io.cairn.web.auth.Access;
import io.cairn.web.auth.Authenticator;
import io.cairn.web.auth.ClusterSecret;
import io.cairn.web.auth.JwtAuthenticator;
import io.cairn.web.auth.JwtKeys;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Who may call the HTTP API: nobody is asked ({@code none}, only while the API listens on a
 * loopback address, unless {@code auth.allow.anonymous} says so on purpose), or every request but
 * the probes carries an OAuth2 bearer token ({@code jwt}), verified with one source of keys.
 *
 * @param mode none or jwt
 * @param allowAnonymous whether none may serve other machines
 * @param keys the source of the keys that verify tokens, with jwt
 * @param issuer the issuer every token names, with jwt
 * @param audience the audience tokens must include, when set
 * @param clockSkew the clock difference tolerated on expiry and not-before
 * @param clusterSecret the secret the cluster's instances sign their requests to each other with
 */
public record AuthConfig(
    Mode mode,
    boolean allowAnonymous,
    Optional<JwtKeys> keys,
    Optional<String> issuer,
    Optional<String> audience,
    Duration clockSkew,
    Optional<String> clusterSecret) {
  // With nobody authenticated, instances need no secret from each other, only a signature that
  // tells their requests from a client's headers; anyone who reads this may sign, as anyone may
  // already do anything.
  private static final String OPEN_CLUSTER_SECRET = "auth.mode=none: anyone may do anything";

  /** How requests are authenticated. */
  public enum Mode {
    NONE,
    JWT;

    static Mode parse(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "none" -> NONE;
        case "jwt" -> JWT;
        default -> throw new IllegalArgumentException("none or jwt, not " + value);
      };
    }
  }

  /** No authentication: the default, for a machine of one's own. */
  public static AuthConfig none() {
    return new AuthConfig(
        Mode.NONE,
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Duration.ZERO,
        Optional.empty());
  }

  /** Checks that jwt has its keys and issuer. */
  public AuthConfig {
    clusterSecret.ifPresent(
        secret -> {
          if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("cluster.secret is at least 32 bytes");
          }
        });
    if (mode == Mode.JWT && (keys.isEmpty() || issuer.isEmpty())) {
      throw new IllegalArgumentException(
          "auth.mode=jwt needs auth.jwt.issuer and one of auth.jwt.jwks.url,"
              + " auth.jwt.public.key.file or auth.jwt.hs256.secret");
    }
  }

  /**
   * Refuses to serve other machines with nobody authenticated, unless that is asked for.
   *
   * @throws IllegalArgumentException when the API would be open to the network by accident
   */
  public void checkExposure(String httpHost) {
    if (mode == Mode.NONE && !allowAnonymous && !isLoopback(httpHost)) {
      throw new IllegalArgumentException(
          "http.host="
              + httpHost
              + " serves other machines, and auth.mode=none would let any of them do anything:"
              + " set auth.mode=jwt, or auth.allow.anonymous=true if that is really meant");
    }
  }

  /**
   * Who may call the HTTP API: clients by their tokens, and the cluster's instances by their
   * signatures, with {@code cluster.secret}, or else, with jwt, a secret of this instance's own.
   */
  public Access access(Clock clock, int requestsPerSecond) {
    ClusterSecret cluster =
        clusterSecret
            .map(secret -> ClusterSecret.of(secret.getBytes(StandardCharsets.UTF_8), clock))
            .orElseGet(
                () ->
                    mode == Mode.NONE
                        ? ClusterSecret.of(
                            OPEN_CLUSTER_SECRET.getBytes(StandardCharsets.UTF_8), clock)
                        : ClusterSecret.random(clock));
    return new Access(authenticator(), cluster, requestsPerSecond);
  }

  /** Whether instances sign with a secret of their own, which no other instance shares. */
  public boolean signsAlone() {
    return mode == Mode.JWT && clusterSecret.isEmpty();
  }

  private Authenticator authenticator() {
    return switch (mode) {
      case NONE -> Authenticator.none();
      case JWT ->
          new JwtAuthenticator(keys.orElseThrow(), issuer.orElseThrow(), audience, clockSkew);
    };
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static AuthConfig read(Settings settings) {
    Mode mode =
        settings.parsed(
            "auth.mode",
            Mode.NONE,
            "How HTTP requests are authenticated: none (only on a loopback http.host), or jwt"
                + " (OAuth2 bearer tokens; scopes cairn:command, cairn:read, cairn:report,"
                + " cairn:admin).",
            Mode::parse);
    boolean anonymous =
        settings.bool(
            "auth.allow.anonymous",
            false,
            "Let auth.mode=none serve a non-loopback http.host, on purpose.");
    Optional<String> jwks =
        settings.optionalString(
            "auth.jwt.jwks.url", "The identity provider's JWKS URL (RS256, ES256 tokens).");
    Optional<String> publicKey =
        settings.optionalString(
            "auth.jwt.public.key.file", "A PEM file of the RSA or EC key that signs tokens.");
    Optional<String> secret =
        settings.optionalString(
            "auth.jwt.hs256.secret",
            "A secret of 32 bytes or more shared with the token issuer (HS256): development only.");
    Optional<String> issuer =
        settings.optionalString("auth.jwt.issuer", "The iss every token must name.");
    Optional<String> audience =
        settings.optionalString("auth.jwt.audience", "The aud tokens must include, if any.");
    Duration skew =
        settings.duration(
            "auth.jwt.clock.skew",
            Duration.ofSeconds(60),
            "How far the issuer's clock and this machine's may differ.");
    Optional<String> clusterSecret =
        settings.optionalString(
            "cluster.secret",
            "A secret of 32 bytes or more that every instance of a cluster shares, to sign their"
                + " requests to each other; needed with auth.mode=jwt and more than one instance.");
    return settings
        .validated(
            "auth.*",
            () ->
                new AuthConfig(
                    mode,
                    anonymous,
                    keys(jwks, publicKey, secret),
                    issuer,
                    audience,
                    skew,
                    clusterSecret))
        .orElse(none());
  }

  private static Optional<JwtKeys> keys(
      Optional<String> jwks, Optional<String> publicKey, Optional<String> secret) {
    long given = Stream.of(jwks, publicKey, secret).filter(Optional::isPresent).count();
    if (given > 1) {
      throw new IllegalArgumentException(
          "give one of auth.jwt.jwks.url, auth.jwt.public.key.file and auth.jwt.hs256.secret");
    }
    return jwks.<JwtKeys>map(url -> new JwtKeys.Jwks(URI.create(url)))
        .or(() -> publicKey.map(file -> new JwtKeys.PublicKeyFile(Path.of(file))))
        .or(
            () ->
                secret.map(
                    value -> new JwtKeys.SharedSecret(value.getBytes(StandardCharsets.UTF_8))));
  }
}
