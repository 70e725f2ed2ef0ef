package io.cairn.commerce.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.core.reaction.Effect;
import io.cairn.core.reaction.Send;
import io.cairn.core.testing.AggregateHistory;
import org.junit.jupiter.api.Test;

class ProviderCallsTest {
  private final AggregateHistory<Payments.Event, Payments.PaymentState> payment =
      new AggregateHistory<>(Payments.TYPE, "o1");
  private final Effect<ProviderCalls.Request, ProviderCalls.Answer> effect = ProviderCalls.EFFECT;

  private Effect.Call<ProviderCalls.Request> callOn(Payments.Event event) {
    var happened = payment.then(event);
    return effect
        .call("payments", happened.event().event(), happened.event().aggregate())
        .orElseThrow();
  }

  @Test
  void eachRequestIsOneCallKeyedByItsOperationAndPayment() {
    var authorize = callOn(new Payments.AuthorizationRequested("o1", 900, "EUR", "tok_ok"));
    assertThat(authorize)
        .isEqualTo(
            new Effect.Call<>(
                "authorize:o1", new ProviderCalls.Authorize("o1", 900, "EUR", "tok_ok")));
    payment.then(new Payments.PaymentAuthorized("ref"));
    assertThat(callOn(new Payments.CaptureRequested()))
        .isEqualTo(new Effect.Call<>("capture:o1", new ProviderCalls.Capture("o1", 900, "EUR")));
  }

  @Test
  void aVoidSupersedesTheAuthorisationItUndoes() {
    callOn(new Payments.AuthorizationRequested("o1", 900, "EUR", "tok_timeout"));
    assertThat(callOn(new Payments.VoidRequested("payment_timeout")).supersedes())
        .containsExactly("authorize:o1");
  }

  @Test
  void answersAreRecordedOnThePaymentAndRefusalsOnlyForAnAuthorisation() {
    var authorize =
        new Effect.Call<ProviderCalls.Request>(
            "authorize:o1", new ProviderCalls.Authorize("o1", 900, "EUR", "tok"));
    assertThat(effect.record(authorize, new ProviderCalls.Approved("ref")))
        .contains(Send.to(Payments.TYPE, "o1", new Payments.RecordAuthorization("ref")));
    assertThat(effect.record(authorize, new ProviderCalls.Refused("declined")))
        .contains(Send.to(Payments.TYPE, "o1", new Payments.RecordDecline("declined")));
    var refund =
        new Effect.Call<ProviderCalls.Request>(
            "refund:o1", new ProviderCalls.Refund("o1", 900, "EUR"));
    assertThat(effect.record(refund, new ProviderCalls.Refused("not_captured"))).isEmpty();
  }

  @Test
  void outcomesAskForNoCall() {
    callOn(new Payments.AuthorizationRequested("o1", 900, "EUR", "tok_ok"));
    var answered = payment.then(new Payments.PaymentAuthorized("ref"));
    assertThat(effect.call("payments", answered.event().event(), answered.event().aggregate()))
        .isEmpty();
  }
}
