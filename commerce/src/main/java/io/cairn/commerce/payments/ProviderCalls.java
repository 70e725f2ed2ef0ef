package io.cairn.commerce.payments;

import io.cairn.core.reaction.Effect;
import io.cairn.core.reaction.Send;
import io.cairn.core.view.SourcedEvent;
import java.util.Optional;

/**
 * The calls a payment makes to the payment provider: each request event of a payment asks for one,
 * keyed {@code <operation>:<paymentId>} so that the provider charges, voids or refunds once however
 * often the call is retried, and each answer is recorded on the payment.
 */
public final class ProviderCalls {
  /** The effect's name. */
  public static final String NAME = "payment-provider";

  /** What is asked of the provider. */
  public sealed interface Request permits Authorize, Capture, VoidAuthorization, Refund {
    /** The payment asked about: the order's id. */
    String paymentId();
  }

  /**
   * Authorise an amount on a means of payment.
   *
   * @param paymentId the payment
   * @param amountMinor the amount, in minor units
   * @param currency its ISO 4217 code
   * @param paymentToken the provider's token of the means of payment
   */
  public record Authorize(String paymentId, long amountMinor, String currency, String paymentToken)
      implements Request {}

  /**
   * Capture an authorised amount.
   *
   * @param paymentId the payment
   * @param amountMinor the amount, in minor units
   * @param currency its ISO 4217 code
   */
  public record Capture(String paymentId, long amountMinor, String currency) implements Request {}

  /**
   * Void an authorisation, given or still pending.
   *
   * @param paymentId the payment
   */
  public record VoidAuthorization(String paymentId) implements Request {}

  /**
   * Refund a captured amount.
   *
   * @param paymentId the payment
   * @param amountMinor the amount, in minor units
   * @param currency its ISO 4217 code
   */
  public record Refund(String paymentId, long amountMinor, String currency) implements Request {}

  /** What the provider answered. */
  public sealed interface Answer permits Approved, Refused {}

  /**
   * The provider did what was asked.
   *
   * @param reference its reference for the operation
   */
  public record Approved(String reference) implements Answer {}

  /**
   * The provider refused what was asked.
   *
   * @param reason its reason ({@code declined}, {@code limit_exceeded})
   */
  public record Refused(String reason) implements Answer {}

  /** The effect. */
  public static final Effect<Request, Answer> EFFECT =
      Effect.named(NAME, Request.class, ProviderCalls::record)
          .on(Payments.TYPE, ProviderCalls::call)
          .build();

  private ProviderCalls() {}

  private static Optional<Effect.Call<Request>> call(
      SourcedEvent<Payments.Event, Payments.PaymentState> event) {
    String id = event.aggregateId();
    Payments.PaymentState payment = event.state();
    Request request =
        switch (event.event()) {
          case Payments.AuthorizationRequested asked ->
              new Authorize(id, asked.amountMinor(), asked.currency(), asked.paymentToken());
          case Payments.CaptureRequested asked ->
              new Capture(id, payment.amountMinor(), payment.currency());
          case Payments.VoidRequested asked -> new VoidAuthorization(id);
          case Payments.RefundRequested asked ->
              new Refund(id, payment.amountMinor(), payment.currency());
          case Payments.PaymentAuthorized answered -> null;
          case Payments.PaymentDeclined answered -> null;
          case Payments.PaymentCaptured answered -> null;
          case Payments.PaymentVoided answered -> null;
          case Payments.PaymentRefunded answered -> null;
        };
    return Optional.ofNullable(request).map(ProviderCalls::call);
  }

  /** A void makes an authorisation the provider has not answered pointless to retry. */
  private static Effect.Call<Request> call(Request request) {
    Effect.Call<Request> call =
        new Effect.Call<>(operation(request) + ":" + request.paymentId(), request);
    return request instanceof VoidAuthorization voiding
        ? call.superseding("authorize:" + voiding.paymentId())
        : call;
  }

  /** The operation a request is, in its idempotency key. */
  public static String operation(Request request) {
    return switch (request) {
      case Authorize authorize -> "authorize";
      case Capture capture -> "capture";
      case VoidAuthorization voiding -> "void";
      case Refund refund -> "refund";
    };
  }

  /**
   * The command recording an answer. Only an authorisation may be refused in the domain's terms; a
   * refused capture, void or refund is not one the payment can record, and is left to a person.
   */
  private static Optional<Send> record(Effect.Call<Request> call, Answer answer) {
    String id = call.request().paymentId();
    return switch (answer) {
      case Approved approved ->
          Optional.of(
              switch (call.request()) {
                case Authorize authorize ->
                    Send.to(
                        Payments.TYPE, id, new Payments.RecordAuthorization(approved.reference()));
                case Capture capture -> Send.to(Payments.TYPE, id, new Payments.RecordCapture());
                case VoidAuthorization voiding ->
                    Send.to(Payments.TYPE, id, new Payments.RecordVoid());
                case Refund refund -> Send.to(Payments.TYPE, id, new Payments.RecordRefund());
              });
      case Refused refused ->
          call.request() instanceof Authorize
              ? Optional.of(
                  Send.to(Payments.TYPE, id, new Payments.RecordDecline(refused.reason())))
              : Optional.empty();
    };
  }
}
