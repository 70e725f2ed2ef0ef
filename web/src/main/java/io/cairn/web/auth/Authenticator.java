package io.cairn.web.auth;

import java.util.Optional;

/** Finds who sends a request from its bearer token, or refuses it. */
public interface Authenticator {

  /**
   * The principal of a request.
   *
   * @param bearerToken the token of its {@code Authorization: Bearer} header, if it has one
   * @throws Unauthenticated when a token is needed and missing, or is not a valid one
   */
  Principal authenticate(Optional<String> bearerToken);

  /** Whether requests must carry a token at all. */
  boolean required();

  /** No authentication: every request is the anonymous principal, a token or not. */
  static Authenticator none() {
    return new Authenticator() {
      @Override
      public Principal authenticate(Optional<String> bearerToken) {
        return Principal.ANONYMOUS;
      }

      @Override
      public boolean required() {
        return false;
      }
    };
  }

  /** Why a request's token was refused, in words safe to show its sender. */
  final class Unauthenticated extends RuntimeException {
    /** A refusal, for a reason. */
    public Unauthenticated(String reason) {
      super(reason);
    }
  }
}
