package io.cairn.web.auth;

import io.javalin.http.Context;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret the instances of one cluster share, which signs their requests to each other
 * (forwarded queries, list parts, a rebuild's pause and resume): an HMAC-SHA256 of the method, the
 * path and query, and the time, in two headers. Only a request so signed may use what instances
 * tell each other ({@code Cairn-Forwarded-By}, {@code Cairn-Partitions}) or the internal routes; a
 * client's copies of those headers are ignored, and a wrong signature is a 401.
 */
public final class ClusterSecret {
  /** The HMAC of the request. */
  public static final String SIGNATURE = "Cairn-Internal-Signature";

  /** When it was signed, in milliseconds since the epoch. */
  public static final String TIME = "Cairn-Internal-Time";

  private static final String HMAC = "HmacSHA256";
  private static final Duration MAX_AGE = Duration.ofMinutes(2);
  private static final int MIN_BYTES = 32;
  private static final char SEAL_SEPARATOR = '|';
  // 128 bits of the HMAC, in hex: beyond guessing, and short enough for a URL.
  private static final int SEAL_LENGTH = 32;

  private final byte[] key;
  private final Clock clock;

  private ClusterSecret(byte[] key, Clock clock) {
    this.key = key.clone();
    this.clock = clock;
  }

  /**
   * A secret shared by the cluster's instances.
   *
   * @throws IllegalArgumentException when shorter than 32 bytes
   */
  public static ClusterSecret of(byte[] key, Clock clock) {
    if (key.length < MIN_BYTES) {
      throw new IllegalArgumentException("a cluster secret is at least 32 bytes");
    }
    return new ClusterSecret(key, clock);
  }

  /** A secret of this instance's own, for an instance that has no peer to share one with. */
  public static ClusterSecret random(Clock clock) {
    byte[] key = new byte[MIN_BYTES];
    new SecureRandom().nextBytes(key);
    return new ClusterSecret(key, clock);
  }

  /** The request, signed. */
  public HttpRequest sign(HttpRequest request) {
    String time = Long.toString(clock.millis());
    String signature = hmac(request.method(), pathAndQuery(request.uri()), time);
    return HttpRequest.newBuilder(request, (name, value) -> true)
        .setHeader(TIME, time)
        .setHeader(SIGNATURE, signature)
        .build();
  }

  /**
   * Whether another instance of the cluster sent the request.
   *
   * @throws Authenticator.Unauthenticated when it claims to, with a wrong or stale signature
   */
  public boolean signed(Context ctx) {
    String signature = ctx.header(SIGNATURE);
    if (signature == null) {
      return false;
    }
    String time = ctx.header(TIME);
    if (time == null || !time.matches("\\d{1,19}") || stale(Long.parseLong(time))) {
      throw new Authenticator.Unauthenticated("The internal request's time is missing or stale.");
    }
    String query = ctx.queryString();
    String expected =
        hmac(ctx.method().name(), query == null ? ctx.path() : ctx.path() + "?" + query, time);
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII))) {
      throw new Authenticator.Unauthenticated("The internal request's signature is wrong.");
    }
    return true;
  }

  /**
   * The text with a signature appended, for a token that any instance of the cluster will take back
   * and no client can forge: {@code <text>|<signature>}.
   */
  public String seal(String text) {
    return text + SEAL_SEPARATOR + hmac("seal", text, "").substring(0, SEAL_LENGTH);
  }

  /** The text of a sealed token, if its signature is this cluster's. */
  public Optional<String> unseal(String sealed) {
    int at = sealed.lastIndexOf(SEAL_SEPARATOR);
    if (at < 0) {
      return Optional.empty();
    }
    String text = sealed.substring(0, at);
    byte[] expected =
        hmac("seal", text, "").substring(0, SEAL_LENGTH).getBytes(StandardCharsets.US_ASCII);
    byte[] given = sealed.substring(at + 1).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? Optional.of(text) : Optional.empty();
  }

  private boolean stale(long millis) {
    Instant at = Instant.ofEpochMilli(millis);
    Instant now = clock.instant();
    return at.isBefore(now.minus(MAX_AGE)) || at.isAfter(now.plus(MAX_AGE));
  }

  private static String pathAndQuery(URI uri) {
    return uri.getRawQuery() == null
        ? uri.getRawPath()
        : uri.getRawPath() + "?" + uri.getRawQuery();
  }

  private String hmac(String method, String pathAndQuery, String time) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      byte[] digest =
          mac.doFinal(
              (method + "\n" + pathAndQuery + "\n" + time).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }
}
