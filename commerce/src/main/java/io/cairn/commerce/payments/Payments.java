package io.cairn.commerce.payments;

import static io.cairn.core.aggregate.Decision.reject;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.aggregate.Decider;
import io.cairn.core.aggregate.Decision;

/**
 * The payment of an order, keyed by the order's id, audit-critical and event-sourced: each call to
 * the payment provider is a request event, and each answer the provider gave is recorded as its
 * outcome event, so the log says what was asked, what came back and when. Asking twice, or
 * recording an outcome twice, changes nothing, since calls to a provider are retried.
 */
public final class Payments
    implements Decider<Payments.Command, Payments.Event, Payments.PaymentState> {

  /** The rule a void of a captured payment breaks: it is refunded instead. */
  public static final String CAPTURED_RULE = PaymentRules.CAPTURED;

  /** The payments, keyed by order id. */
  public static final AggregateType<Command, Event, PaymentState> TYPE =
      new AggregateType<>(
          "payments", new Payments(), Command.class, Event.class, PaymentState.class);

  /** What a payment is asked to do, or told the provider did. */
  public sealed interface Command
      permits AuthorizePayment,
          RecordAuthorization,
          RecordDecline,
          CapturePayment,
          RecordCapture,
          VoidPayment,
          RecordVoid,
          RefundPayment,
          RecordRefund {}

  /** Ask the provider to authorise the order's amount on a payment token. */
  public record AuthorizePayment(
      String orderId, long amountMinor, String currency, String paymentToken) implements Command {}

  /** Record that the provider authorised the amount. */
  public record RecordAuthorization(String providerReference) implements Command {}

  /** Record that the provider declined the authorisation. */
  public record RecordDecline(String reason) implements Command {}

  /** Ask the provider to capture the authorised amount. */
  public record CapturePayment() implements Command {}

  /** Record that the provider captured the amount. */
  public record RecordCapture() implements Command {}

  /** Ask the provider to void an authorisation, given or still pending. */
  public record VoidPayment(String reason) implements Command {}

  /** Record that the provider voided the authorisation. */
  public record RecordVoid() implements Command {}

  /** Ask the provider to refund the captured amount. */
  public record RefundPayment(String reason) implements Command {}

  /** Record that the provider refunded the amount. */
  public record RecordRefund() implements Command {}

  /** What was asked of the provider, and what it answered. */
  public sealed interface Event
      permits AuthorizationRequested,
          PaymentAuthorized,
          PaymentDeclined,
          CaptureRequested,
          PaymentCaptured,
          VoidRequested,
          PaymentVoided,
          RefundRequested,
          PaymentRefunded {}

  /** An authorisation was asked of the provider. */
  public record AuthorizationRequested(
      String orderId, long amountMinor, String currency, String paymentToken) implements Event {}

  /** The provider authorised the amount. */
  public record PaymentAuthorized(String providerReference) implements Event {}

  /** The provider declined the authorisation. */
  public record PaymentDeclined(String reason) implements Event {}

  /** A capture was asked of the provider. */
  public record CaptureRequested() implements Event {}

  /** The provider captured the amount. */
  public record PaymentCaptured(long amountMinor) implements Event {}

  /** A void was asked of the provider. */
  public record VoidRequested(String reason) implements Event {}

  /** The provider voided the authorisation. */
  public record PaymentVoided() implements Event {}

  /** A refund was asked of the provider. */
  public record RefundRequested(String reason) implements Event {}

  /** The provider refunded the amount. */
  public record PaymentRefunded(long amountMinor) implements Event {}

  /** Where a payment is: a request waiting for the provider, or an outcome. */
  public enum PaymentStatus {
    AUTHORIZING,
    AUTHORIZED,
    DECLINED,
    CAPTURING,
    CAPTURED,
    VOIDING,
    VOIDED,
    REFUNDING,
    REFUNDED
  }

  /**
   * A payment; {@code null} before its authorisation is asked.
   *
   * @param status where it is
   * @param orderId the order paid for
   * @param amountMinor the amount, in minor units
   * @param currency the amount's currency
   * @param paymentToken the provider's token of the means of payment
   * @param providerReference the provider's reference of the authorisation, once given
   * @param reason why it was declined, voided or refunded, if it was
   */
  public record PaymentState(
      PaymentStatus status,
      String orderId,
      long amountMinor,
      String currency,
      String paymentToken,
      String providerReference,
      String reason) {

    PaymentState with(PaymentStatus next) {
      return new PaymentState(
          next, orderId, amountMinor, currency, paymentToken, providerReference, reason);
    }

    PaymentState with(PaymentStatus next, String why) {
      return new PaymentState(
          next, orderId, amountMinor, currency, paymentToken, providerReference, why);
    }
  }

  @Override
  public PaymentState initialState() {
    return null;
  }

  @Override
  public Decision<Event> decide(Command command, PaymentState payment) {
    if (payment == null && !(command instanceof AuthorizePayment)) {
      return reject("payment_not_found", "There is no such payment.");
    }
    return PaymentRules.decide(command, payment);
  }

  @Override
  public PaymentState evolve(PaymentState payment, Event event) {
    return switch (event) {
      case AuthorizationRequested requested ->
          new PaymentState(
              PaymentStatus.AUTHORIZING,
              requested.orderId(),
              requested.amountMinor(),
              requested.currency(),
              requested.paymentToken(),
              null,
              null);
      case PaymentAuthorized authorized ->
          new PaymentState(
              PaymentStatus.AUTHORIZED,
              payment.orderId(),
              payment.amountMinor(),
              payment.currency(),
              payment.paymentToken(),
              authorized.providerReference(),
              null);
      case PaymentDeclined declined -> payment.with(PaymentStatus.DECLINED, declined.reason());
      case CaptureRequested requested -> payment.with(PaymentStatus.CAPTURING);
      case PaymentCaptured captured -> payment.with(PaymentStatus.CAPTURED);
      case VoidRequested requested -> payment.with(PaymentStatus.VOIDING, requested.reason());
      case PaymentVoided voided -> payment.with(PaymentStatus.VOIDED);
      case RefundRequested requested -> payment.with(PaymentStatus.REFUNDING, requested.reason());
      case PaymentRefunded refunded -> payment.with(PaymentStatus.REFUNDED);
    };
  }
}
