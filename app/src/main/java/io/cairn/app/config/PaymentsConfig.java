package io.cairn.app.config;

import io.cairn.engine.effects.EffectSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How checkouts pay: how long the provider has to authorise, where it is (or that the simulated one
 * runs in-process), and how its calls are retried.
 *
 * @param authorizationTimeout how long a checkout waits for an authorisation before it voids it and
 *     cancels the order
 * @param providerUrl the provider's base address; empty to run the simulated provider
 * @param callTimeout how long one call to the provider may take
 * @param retries how calls are retried, and when they are given up
 * @param simulatedLimitMinor the largest amount the simulated provider authorises
 */
public record PaymentsConfig(
    Duration authorizationTimeout,
    Optional<URI> providerUrl,
    Duration callTimeout,
    EffectSettings retries,
    long simulatedLimitMinor) {
  private static final Duration DEFAULT_AUTHORIZATION_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration DEFAULT_GIVE_UP = Duration.ofMinutes(2);
  private static final long DEFAULT_LIMIT_MINOR = 1_000_000;
  private static final EffectSettings DEFAULT_RETRIES =
      new EffectSettings(Duration.ofMillis(200), Duration.ofSeconds(10), DEFAULT_GIVE_UP, 64);

  /** Checks the values. */
  public PaymentsConfig {
    if (authorizationTimeout.isNegative() || authorizationTimeout.isZero()) {
      throw new IllegalArgumentException("checkout.payment.timeout must be positive");
    }
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("payments.provider.timeout must be positive");
    }
    if (simulatedLimitMinor < 0) {
      throw new IllegalArgumentException("payments.simulated.limit.minor must not be negative");
    }
    providerUrl.ifPresent(PaymentsConfig::checkUrl);
  }

  private static void checkUrl(URI url) {
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())
        || url.getHost() == null) {
      throw new IllegalArgumentException(
          "payments.provider.url must be an http(s) address, not " + url);
    }
  }

  static PaymentsConfig read(Settings settings) {
    Duration timeout =
        settings.duration(
            "checkout.payment.timeout",
            DEFAULT_AUTHORIZATION_TIMEOUT,
            "How long a checkout waits for the payment provider to authorise before it voids the"
                + " attempt, releases the stock and cancels the order (payment_timeout).");
    Optional<URI> url =
        settings
            .optionalString(
                "payments.provider.url",
                "The payment provider's base address. Unset, a simulated provider runs"
                    + " in-process on a free loopback port.")
            .map(text -> URI.create(text.trim()));
    Duration callTimeout =
        settings.duration(
            "payments.provider.timeout",
            DEFAULT_CALL_TIMEOUT,
            "How long one call to the payment provider may take before it is retried.");
    Duration giveUp =
        settings.duration(
            "payments.provider.give.up",
            DEFAULT_GIVE_UP,
            "How long a call to the payment provider is retried, with backoff, before it goes"
                + " to the dead-letter queue.");
    long limit =
        settings.parsed(
            "payments.simulated.limit.minor",
            DEFAULT_LIMIT_MINOR,
            "The largest amount, in minor units, the simulated provider authorises.",
            text -> Long.parseLong(text.trim()));
    return settings
        .validated(
            "checkout.payment.timeout, payments.provider.*, payments.simulated.limit.minor",
            () ->
                new PaymentsConfig(
                    timeout,
                    url,
                    callTimeout,
                    new EffectSettings(
                        DEFAULT_RETRIES.firstBackoff(),
                        DEFAULT_RETRIES.longestBackoff(),
                        giveUp,
                        DEFAULT_RETRIES.concurrency()),
                    limit))
        .orElse(
            new PaymentsConfig(
                DEFAULT_AUTHORIZATION_TIMEOUT,
                Optional.empty(),
                DEFAULT_CALL_TIMEOUT,
                DEFAULT_RETRIES,
                DEFAULT_LIMIT_MINOR));
  }
}
