package io.cairn.web.auth;

import java.net.URI;
import java.nio.file.Path;

/** Where the keys that verify tokens' signatures come from: one of three. */
public sealed interface JwtKeys {

  /** The identity provider's JSON Web Key Set, fetched and cached: RS256 or ES256 tokens. */
  record Jwks(URI url) implements JwtKeys {}

  /** One public key in a PEM file, RSA or EC: RS256 or ES256 tokens. */
  record PublicKeyFile(Path pem) implements JwtKeys {}

  /**
   * A secret shared with whoever makes the tokens: HS256, for development only, since anyone who
   * can verify a token can also make one.
   *
   * @param secret at least 32 bytes
   */
  record SharedSecret(byte[] secret) implements JwtKeys {
    /** Checks the secret is long enough for HS256. */
    public SharedSecret {
      if (secret.length < 32) {
        throw new IllegalArgumentException("an HS256 secret is at least 32 bytes");
      }
      secret = secret.clone();
    }
  }
}
