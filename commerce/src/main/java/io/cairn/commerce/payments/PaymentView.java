package io.cairn.commerce.payments;

import java.time.Instant;
import java.util.List;

/**
 * A payment as clients read it: where it is, what it is for, and every request and answer of its
 * history, oldest first.
 *
 * @param id the payment, the order's id
 * @param status where it is
 * @param amountMinor the amount, in minor units
 * @param currency its ISO 4217 code
 * @param providerReference the provider's reference of the authorisation, once given
 * @param reason why it was declined, voided or refunded, if it was
 * @param history each of its events, oldest first
 */
public record PaymentView(
    String id,
    Payments.PaymentStatus status,
    long amountMinor,
    String currency,
    String providerReference,
    String reason,
    List<Step> history) {

  /**
   * One event of a payment.
   *
   * @param event the event's type ({@code PaymentAuthorized})
   * @param status the payment's status after it
   * @param at when it happened
   */
  public record Step(String event, Payments.PaymentStatus status, Instant at) {}
}
