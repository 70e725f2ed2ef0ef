package io.cairn.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cairn.commerce.payments.ProviderCalls;
import io.cairn.core.reaction.Effect;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The HTTP client against the simulated provider, over a real loopback connection. */
class SimulatedPaymentProviderTest {
  private final SimulatedPaymentProvider provider =
      SimulatedPaymentProvider.start("127.0.0.1", 0, 1_000_000);
  private final HttpPaymentProvider client =
      new HttpPaymentProvider(provider.uri(), Duration.ofSeconds(2));

  @AfterEach
  void stop() {
    provider.close();
  }

  private ProviderCalls.Answer authorize(String id, long amount, String token) throws Exception {
    return client.perform(
        new Effect.Call<>(
            "authorize:" + id, new ProviderCalls.Authorize(id, amount, "EUR", token)));
  }

  @Test
  void authorisesCapturesAndRefundsOnceWhateverTheRetries() throws Exception {
    ProviderCalls.Answer first = authorize("o1", 2_500, "tok_ok");
    assertThat(first).isInstanceOf(ProviderCalls.Approved.class);
    assertThat(authorize("o1", 2_500, "tok_ok")).as("the same key replays").isEqualTo(first);
    Effect.Call<ProviderCalls.Request> capture =
        new Effect.Call<>("capture:o1", new ProviderCalls.Capture("o1", 2_500, "EUR"));
    assertThat(client.perform(capture)).isInstanceOf(ProviderCalls.Approved.class);
    assertThat(client.perform(capture)).isInstanceOf(ProviderCalls.Approved.class);
    assertThat(
            client.perform(
                new Effect.Call<>("refund:o1", new ProviderCalls.Refund("o1", 2_500, "EUR"))))
        .isInstanceOf(ProviderCalls.Approved.class);
    SimulatedLedger.Account account = account("o1");
    assertThat(account.status()).isEqualTo("REFUNDED");
    assertThat(account.authorizations()).isEqualTo(1);
    assertThat(account.captures()).isEqualTo(1);
    assertThat(account.refunds()).isEqualTo(1);
    assertThat(account.calls()).isEqualTo(5);
  }

  @Test
  void declinesDeclineTokensAndAmountsOverTheLimit() throws Exception {
    assertThat(authorize("o1", 100, "tok_decline_card"))
        .isEqualTo(new ProviderCalls.Refused("declined"));
    assertThat(authorize("o2", 1_000_001, "tok_ok"))
        .isEqualTo(new ProviderCalls.Refused("limit_exceeded"));
  }

  @Test
  void failsAFlakyTokensFirstTwoCallsThenAuthorisesOnce() throws Exception {
    assertThatThrownBy(() -> authorize("o1", 100, "tok_flaky")).hasMessageContaining("503");
    assertThatThrownBy(() -> authorize("o1", 100, "tok_flaky")).hasMessageContaining("503");
    assertThat(authorize("o1", 100, "tok_flaky")).isInstanceOf(ProviderCalls.Approved.class);
    assertThat(account("o1").authorizations()).isEqualTo(1);
  }

  @Test
  void neverAnswersATimeoutTokenAndVoidsWhatItNeverAuthorised() throws Exception {
    assertThatThrownBy(() -> authorize("o1", 100, "tok_timeout"))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(
            client.perform(new Effect.Call<>("void:o1", new ProviderCalls.VoidAuthorization("o1"))))
        .isInstanceOf(ProviderCalls.Approved.class);
    assertThat(account("o1").status()).isEqualTo("VOIDED");
  }

  @Test
  void leavesAHeldCallAloneOnceTheServerHasStopped() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger own = (Logger) LoggerFactory.getLogger(SimulatedPaymentProvider.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    root.addAppender(lines);
    own.setLevel(Level.DEBUG);
    try {
      SimulatedPaymentProvider holding =
          SimulatedPaymentProvider.start("127.0.0.1", 0, 1_000_000, Duration.ofMillis(300));
      HttpPaymentProvider patient = new HttpPaymentProvider(holding.uri(), Duration.ofSeconds(30));
      CompletableFuture.runAsync(
          () -> {
            try {
              patient.perform(
                  new Effect.Call<>(
                      "authorize:o1",
                      new ProviderCalls.Authorize("o1", 100, "EUR", "tok_timeout")));
            } catch (Exception stopped) {
              // The server stops under the call: what the test is about.
            }
          });
      await().until(() -> heard(holding, "o1"));
      holding.close();

      await()
          .until(
              () ->
                  messages(lines)
                      .contains("The held call /v1/payments/o1/authorize had already ended"));
      assertThat(lines.list).noneMatch(line -> line.getLevel().isGreaterOrEqual(Level.WARN));
    } finally {
      root.detachAppender(lines);
      own.setLevel(null);
    }
  }

  @Test
  void refusesAKeyReusedForAnotherCall() throws Exception {
    authorize("o1", 100, "tok_ok");
    assertThatThrownBy(() -> authorize("o1", 200, "tok_ok"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("422");
  }

  private static boolean heard(SimulatedPaymentProvider provider, String id) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(provider.uri().resolve("/v1/payments/" + id))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding())
            .statusCode()
        == 200;
  }

  private static List<String> messages(ListAppender<ILoggingEvent> lines) {
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private SimulatedLedger.Account account(String id) throws Exception {
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(provider.uri().resolve("/v1/payments/" + id))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    return io.cairn.web.Json.newMapper().readValue(response.body(), SimulatedLedger.Account.class);
  }
}
