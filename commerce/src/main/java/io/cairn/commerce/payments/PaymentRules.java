package io.cairn.commerce.payments;

import static io.cairn.core.aggregate.Decision.accept;
import static io.cairn.core.aggregate.Decision.reject;
import static io.cairn.core.aggregate.Decision.unchanged;

import io.cairn.commerce.payments.Payments.PaymentState;
import io.cairn.commerce.payments.Payments.PaymentStatus;
import io.cairn.core.aggregate.Decision;

/**
 * What each command does to a payment in each status. A request or an outcome that is already the
 * payment's status changes nothing, since calls to a provider and the recording of their answers
 * are retried; one that does not fit the status breaks a rule.
 */
final class PaymentRules {
  private PaymentRules() {}

  /** The rule a void of a captured payment breaks: it is refunded instead. */
  static final String CAPTURED = "payment_captured";

  static Decision<Payments.Event> decide(Payments.Command command, PaymentState payment) {
    return switch (command) {
      case Payments.AuthorizePayment authorize ->
          payment == null
              ? accept(
                  new Payments.AuthorizationRequested(
                      authorize.orderId(),
                      authorize.amountMinor(),
                      authorize.currency(),
                      authorize.paymentToken()))
              : reject("payment_exists", "The payment's authorisation was asked already.");
      case Payments.RecordAuthorization authorized -> recordAuthorization(authorized, payment);
      case Payments.RecordDecline declined ->
          outcome(
              payment,
              PaymentStatus.AUTHORIZING,
              PaymentStatus.DECLINED,
              new Payments.PaymentDeclined(declined.reason()),
              "payment_not_authorizing");
      case Payments.CapturePayment capture ->
          request(
              payment,
              PaymentStatus.AUTHORIZED,
              PaymentStatus.CAPTURING,
              PaymentStatus.CAPTURED,
              new Payments.CaptureRequested(),
              "payment_not_authorized");
      case Payments.RecordCapture captured ->
          outcome(
              payment,
              PaymentStatus.CAPTURING,
              PaymentStatus.CAPTURED,
              new Payments.PaymentCaptured(payment.amountMinor()),
              "payment_not_capturing");
      case Payments.VoidPayment voiding -> voidPayment(voiding, payment);
      case Payments.RecordVoid voided ->
          outcome(
              payment,
              PaymentStatus.VOIDING,
              PaymentStatus.VOIDED,
              new Payments.PaymentVoided(),
              "payment_not_voiding");
      case Payments.RefundPayment refund ->
          request(
              payment,
              PaymentStatus.CAPTURED,
              PaymentStatus.REFUNDING,
              PaymentStatus.REFUNDED,
              new Payments.RefundRequested(refund.reason()),
              "payment_not_captured");
      case Payments.RecordRefund refunded ->
          outcome(
              payment,
              PaymentStatus.REFUNDING,
              PaymentStatus.REFUNDED,
              new Payments.PaymentRefunded(payment.amountMinor()),
              "payment_not_refunding");
    };
  }

  /**
   * An authorisation that comes after a void was asked changes nothing: the void undoes it at the
   * provider.
   */
  private static Decision<Payments.Event> recordAuthorization(
      Payments.RecordAuthorization authorized, PaymentState payment) {
    return switch (payment.status()) {
      case AUTHORIZING -> accept(new Payments.PaymentAuthorized(authorized.providerReference()));
      case AUTHORIZED, VOIDING, VOIDED -> unchanged();
      case DECLINED, CAPTURING, CAPTURED, REFUNDING, REFUNDED ->
          reject("payment_not_authorizing", "The payment is " + payment.status() + ".");
    };
  }

  private static Decision<Payments.Event> voidPayment(
      Payments.VoidPayment voiding, PaymentState payment) {
    return switch (payment.status()) {
      case AUTHORIZING, AUTHORIZED -> accept(new Payments.VoidRequested(voiding.reason()));
      case VOIDING, VOIDED, DECLINED -> unchanged();
      case CAPTURING, CAPTURED, REFUNDING, REFUNDED ->
          reject(CAPTURED, "A captured payment is refunded, not voided.");
    };
  }

  /** A request to the provider, allowed from one status; asked again, it changes nothing. */
  private static Decision<Payments.Event> request(
      PaymentState payment,
      PaymentStatus from,
      PaymentStatus asked,
      PaymentStatus done,
      Payments.Event event,
      String rule) {
    if (payment.status() == from) {
      return accept(event);
    }
    return payment.status() == asked || payment.status() == done
        ? unchanged()
        : reject(rule, "The payment is " + payment.status() + ".");
  }

  /** The provider's answer to a request; recorded again, it changes nothing. */
  private static Decision<Payments.Event> outcome(
      PaymentState payment,
      PaymentStatus pending,
      PaymentStatus done,
      Payments.Event event,
      String rule) {
    if (payment.status() == pending) {
      return accept(event);
    }
    return payment.status() == done
        ? unchanged()
        : reject(rule, "The payment is " + payment.status() + ".");
  }
}
