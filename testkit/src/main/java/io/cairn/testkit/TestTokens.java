package io.cairn.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

/**
 * An identity provider for tests: it signs tokens (HS256 with a shared secret, RS256 or ES256 with
 * a key it made), and shows the public half as a PEM file's text or a JWKS document, as a real one
 * would publish it.
 */
public final class TestTokens {
  /** The issuer of every token, unless a test asks for another. */
  public static final String ISSUER = "https://id.cairn.test";

  /** The audience of every token, unless a test asks for another. */
  public static final String AUDIENCE = "cairn";

  private final JWSAlgorithm algorithm;
  private final JWSSigner signer;
  private final Optional<JWK> key;

  private TestTokens(JWSAlgorithm algorithm, JWSSigner signer, Optional<JWK> key) {
    this.algorithm = algorithm;
    this.signer = signer;
    this.key = key;
  }

  /** Tokens signed with a secret shared with the app. */
  public static TestTokens hs256(byte[] secret) {
    try {
      return new TestTokens(JWSAlgorithm.HS256, new MACSigner(secret), Optional.empty());
    } catch (JOSEException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Tokens signed with a fresh RSA key. */
  public static TestTokens rs256() {
    try {
      RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
      return new TestTokens(JWSAlgorithm.RS256, new RSASSASigner(rsa), Optional.of(rsa));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Tokens signed with a fresh P-256 key. */
  public static TestTokens es256() {
    try {
      ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
      return new TestTokens(JWSAlgorithm.ES256, new ECDSASigner(ec), Optional.of(ec));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token for a subject with the scopes, valid for an hour. */
  public String token(String subject, String... scopes) {
    return token(subject, Instant.now().plus(Duration.ofHours(1)), ISSUER, scopes);
  }

  /** A token as asked, to test what is refused: expired, another issuer... */
  public String token(String subject, Instant expiresAt, String issuer, String... scopes) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .issuer(issuer)
            .audience(AUDIENCE)
            .issueTime(new Date())
            .expirationTime(Date.from(expiresAt))
            .claim("scope", String.join(" ", scopes))
            .build();
    JWSHeader.Builder header = new JWSHeader.Builder(algorithm);
    key.ifPresent(k -> header.keyID(k.getKeyID()));
    SignedJWT jwt = new SignedJWT(header.build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** The public key as a PEM {@code PUBLIC KEY} block. */
  public String publicKeyPem() {
    PublicKey publicKey;
    try {
      publicKey =
          switch (key.orElseThrow(() -> new IllegalStateException("HS256 has no public key"))) {
            case RSAKey rsa -> rsa.toPublicKey();
            case ECKey ec -> ec.toPublicKey();
            default -> throw new IllegalStateException("an unexpected key");
          };
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(publicKey.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** The public key as a JWKS document. */
  public String jwks() {
    return new JWKSet(key.orElseThrow().toPublicJWK()).toString();
  }
}
