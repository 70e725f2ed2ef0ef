package io.cairn.web.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.cairn.web.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * OAuth2 bearer tokens, verified with Nimbus JOSE+JWT: the signature with the configured keys, the
 * issuer, the audience when one is set, and the expiry (required), within a small clock skew. The
 * subject and the space-separated {@code scope} claim make the principal.
 */
public final class JwtAuthenticator implements Authenticator {
  private static final Pattern PUBLIC_KEY =
      Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
  private static final Set<JWSAlgorithm> PUBLIC_KEY_ALGORITHMS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  /**
   * @param keys where the verifying keys come from
   * @param issuer the {@code iss} every token must name
   * @param audience the {@code aud} a token must include, when set
   * @param clockSkew how far apart the clocks of the issuer and this machine may be
   */
  public JwtAuthenticator(
      JwtKeys keys, String issuer, Optional<String> audience, Duration clockSkew) {
    processor.setJWSKeySelector(keySelector(keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            audience.map(Set::of).orElse(null),
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("sub", "exp"),
            null);
    claims.setMaxClockSkew((int) clockSkew.toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  @Override
  public Principal authenticate(Optional<String> bearerToken) {
    String token =
        bearerToken.orElseThrow(() -> new Unauthenticated("A bearer token is required."));
    try {
      JWTClaimsSet claims = processor.process(token, null);
      return new Principal(Optional.of(claims.getSubject()), scopes(claims));
    } catch (ParseException e) {
      throw new Unauthenticated("The bearer token is not a JWT.");
    } catch (BadJOSEException e) {
      // Nimbus's messages say which check failed (expired, bad signature...), not the key.
      throw new Unauthenticated("The bearer token is refused: " + e.getMessage() + ".");
    } catch (KeySourceException e) {
      // The issuer's keys cannot be fetched: not the caller's fault, and it may pass.
      throw ApiException.unavailable(
          "auth_unavailable", "The token issuer's keys cannot be fetched now.", RETRY_AFTER);
    } catch (JOSEException e) {
      throw new Unauthenticated("The bearer token is refused: " + e.getMessage() + ".");
    }
  }

  @Override
  public boolean required() {
    return true;
  }

  private static Set<String> scopes(JWTClaimsSet claims) throws ParseException {
    String scope = claims.getStringClaim("scope");
    if (scope == null || scope.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(scope.trim().split("\\s+")).collect(Collectors.toSet());
  }

  private static JWSVerificationKeySelector<SecurityContext> keySelector(JwtKeys keys) {
    return switch (keys) {
      case JwtKeys.Jwks jwks ->
          new JWSVerificationKeySelector<>(PUBLIC_KEY_ALGORITHMS, remote(jwks));
      case JwtKeys.PublicKeyFile file -> {
        // One key, whatever key id a token names: a PEM file has none to match.
        List<JWK> key = List.of(publicKey(file));
        yield new JWSVerificationKeySelector<>(PUBLIC_KEY_ALGORITHMS, (selector, context) -> key);
      }
      case JwtKeys.SharedSecret secret ->
          new JWSVerificationKeySelector<>(
              JWSAlgorithm.HS256, new ImmutableSecret<>(secret.secret()));
    };
  }

  private static JWKSource<SecurityContext> remote(JwtKeys.Jwks jwks) {
    try {
      // Cached, refreshed ahead of expiry, and fetched again when a token names an unknown key.
      return JWKSourceBuilder.create(jwks.url().toURL()).retrying(true).build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("the JWKS URL " + jwks.url() + " is not a URL", e);
    }
  }

  /**
   * The key of a PEM file's {@code PUBLIC KEY} block (X.509 SubjectPublicKeyInfo), RSA or EC, read
   * with the JDK alone.
   */
  private static JWK publicKey(JwtKeys.PublicKeyFile file) {
    String pem;
    try {
      pem = Files.readString(file.pem());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the public key " + file.pem(), e);
    }
    Matcher block = PUBLIC_KEY.matcher(pem);
    if (!block.find()) {
      throw new IllegalArgumentException(file.pem() + " holds no PEM PUBLIC KEY block");
    }
    X509EncodedKeySpec spec =
        new X509EncodedKeySpec(Base64.getMimeDecoder().decode(block.group(1)));
    for (String algorithm : List.of("RSA", "EC")) {
      try {
        PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(spec);
        return switch (key) {
          case RSAPublicKey rsa -> new RSAKey.Builder(rsa).build();
          case ECPublicKey ec ->
              new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
          default -> throw new IllegalArgumentException(file.pem() + " is neither RSA nor EC");
        };
      } catch (InvalidKeySpecException e) {
        // not this algorithm's key: try the next one
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("this JVM has no " + algorithm + " keys", e);
      }
    }
    throw new IllegalArgumentException(file.pem() + " holds no RSA or EC public key");
  }
}
