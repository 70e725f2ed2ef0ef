package io.cairn.commerce.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.payments.Payments.AuthorizationRequested;
import io.cairn.commerce.payments.Payments.AuthorizePayment;
import io.cairn.commerce.payments.Payments.CapturePayment;
import io.cairn.commerce.payments.Payments.CaptureRequested;
import io.cairn.commerce.payments.Payments.PaymentAuthorized;
import io.cairn.commerce.payments.Payments.PaymentCaptured;
import io.cairn.commerce.payments.Payments.PaymentDeclined;
import io.cairn.commerce.payments.Payments.PaymentRefunded;
import io.cairn.commerce.payments.Payments.PaymentStatus;
import io.cairn.commerce.payments.Payments.PaymentVoided;
import io.cairn.commerce.payments.Payments.RecordAuthorization;
import io.cairn.commerce.payments.Payments.RecordCapture;
import io.cairn.commerce.payments.Payments.RecordDecline;
import io.cairn.commerce.payments.Payments.RecordRefund;
import io.cairn.commerce.payments.Payments.RecordVoid;
import io.cairn.commerce.payments.Payments.RefundPayment;
import io.cairn.commerce.payments.Payments.RefundRequested;
import io.cairn.commerce.payments.Payments.VoidPayment;
import io.cairn.commerce.payments.Payments.VoidRequested;
import io.cairn.core.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

class PaymentsTest {
  private static final AuthorizationRequested ASKED =
      new AuthorizationRequested("o1", 2_500, "EUR", "tok_ok");
  private static final PaymentAuthorized AUTHORIZED = new PaymentAuthorized("auth-1");

  private final DeciderSpec<Payments.Command, Payments.Event, Payments.PaymentState> spec =
      DeciderSpec.of(new Payments());

  @Test
  void anAuthorisationIsAskedOnceAndItsAnswerRecorded() {
    spec.when(new AuthorizePayment("o1", 2_500, "EUR", "tok_ok")).thenEvents(ASKED);
    spec.given(ASKED)
        .when(new AuthorizePayment("o1", 2_500, "EUR", "tok_ok"))
        .thenRejected("payment_exists");
    spec.given(ASKED).when(new RecordAuthorization("auth-1")).thenEvents(AUTHORIZED);
    spec.given(ASKED)
        .when(new RecordDecline("insufficient_funds"))
        .thenEvents(new PaymentDeclined("insufficient_funds"));
    assertThat(spec.given(ASKED, AUTHORIZED).state().status()).isEqualTo(PaymentStatus.AUTHORIZED);
    assertThat(spec.given(ASKED, AUTHORIZED).state().providerReference()).isEqualTo("auth-1");
  }

  @Test
  void anAnswerRecordedTwiceChangesNothing() {
    spec.given(ASKED, AUTHORIZED).when(new RecordAuthorization("auth-1")).thenUnchanged();
    spec.given(ASKED, new PaymentDeclined("no")).when(new RecordDecline("no")).thenUnchanged();
    spec.given(ASKED, new PaymentDeclined("no"))
        .when(new RecordAuthorization("auth-1"))
        .thenRejected("payment_not_authorizing");
  }

  @Test
  void anAuthorisedPaymentIsCapturedThenRefunded() {
    spec.given(ASKED, AUTHORIZED).when(new CapturePayment()).thenEvents(new CaptureRequested());
    spec.given(ASKED, AUTHORIZED, new CaptureRequested())
        .when(new RecordCapture())
        .thenEvents(new PaymentCaptured(2_500));
    spec.given(ASKED, AUTHORIZED, new CaptureRequested(), new PaymentCaptured(2_500))
        .when(new RefundPayment("customer_cancelled"))
        .thenEvents(new RefundRequested("customer_cancelled"));
    spec.given(
            ASKED,
            AUTHORIZED,
            new CaptureRequested(),
            new PaymentCaptured(2_500),
            new RefundRequested("customer_cancelled"))
        .when(new RecordRefund())
        .thenEvents(new PaymentRefunded(2_500));
  }

  @Test
  void onlyWhatFitsTheStatusIsAsked() {
    spec.given(ASKED).when(new CapturePayment()).thenRejected("payment_not_authorized");
    spec.given(ASKED, AUTHORIZED).when(new RefundPayment("x")).thenRejected("payment_not_captured");
    spec.given(ASKED, AUTHORIZED).when(new RecordCapture()).thenRejected("payment_not_capturing");
    spec.given(ASKED, AUTHORIZED, new CaptureRequested())
        .when(new CapturePayment())
        .thenUnchanged();
    spec.when(new CapturePayment()).thenRejected("payment_not_found");
  }

  @Test
  void aPendingOrGivenAuthorisationIsVoidedButACaptureIsNot() {
    spec.given(ASKED)
        .when(new VoidPayment("payment_timeout"))
        .thenEvents(new VoidRequested("payment_timeout"));
    spec.given(ASKED, AUTHORIZED)
        .when(new VoidPayment("out_of_stock"))
        .thenEvents(new VoidRequested("out_of_stock"));
    spec.given(ASKED, new VoidRequested("payment_timeout"))
        .when(new RecordVoid())
        .thenEvents(new PaymentVoided());
    spec.given(ASKED, AUTHORIZED, new CaptureRequested())
        .when(new VoidPayment("late"))
        .thenRejected("payment_captured");
    spec.given(ASKED, new PaymentDeclined("no")).when(new VoidPayment("x")).thenUnchanged();
  }

  @Test
  void anAuthorisationThatArrivesAfterItsVoidWasAskedChangesNothing() {
    spec.given(ASKED, new VoidRequested("payment_timeout"))
        .when(new RecordAuthorization("auth-late"))
        .thenUnchanged();
    assertThat(spec.given(ASKED, new VoidRequested("payment_timeout"), new PaymentVoided()).state())
        .isEqualTo(
            new Payments.PaymentState(
                PaymentStatus.VOIDED, "o1", 2_500, "EUR", "tok_ok", null, "payment_timeout"));
  }
}
