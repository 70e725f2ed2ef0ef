package io.cairn.provider;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulated provider's books: what each payment is, and the answer given to each idempotency
 * key, replayed when the key comes again, as real providers do. Behaviour is fixed by the payment
 * token ({@code tok_decline...} declined, {@code tok_timeout...} never answered, {@code
 * tok_flaky...} unavailable for the first two calls of each key) and by a limit above which amounts
 * are declined.
 */
final class SimulatedLedger {
  /** How many calls of one key a {@code tok_flaky} token fails before it answers. */
  static final int FLAKY_FAILURES = 2;

  private final long limitMinor;
  private final Map<String, Stored> answers = new HashMap<>();
  private final Map<String, Integer> failuresByKey = new HashMap<>();
  private final Map<String, Account> payments = new HashMap<>();

  SimulatedLedger(long limitMinor) {
    this.limitMinor = limitMinor;
  }

  /** A call to the provider. */
  record Call(
      String paymentId,
      String operation,
      String key,
      long amountMinor,
      String currency,
      String paymentToken) {}

  /**
   * What the provider does with a call.
   *
   * @param status the HTTP status: 200 approved, 402 refused, 422 a key reused for another call,
   *     503 unavailable; {@code 0} when it never answers
   * @param outcome {@code approved} or {@code refused}; null for the others
   * @param detail the reference when approved, the reason otherwise
   */
  record Answer(int status, String outcome, String detail) {
    static final Answer SILENCE = new Answer(0, null, null);
  }

  /**
   * What one payment went through; each count is of operations done, not of calls replayed.
   *
   * @param paymentId the payment
   * @param status its status: AUTHORIZED, DECLINED, CAPTURED, VOIDED or REFUNDED
   * @param amountMinor the amount authorised
   * @param currency its currency
   * @param authorizations the authorisations granted
   * @param captures the captures made
   * @param voids the voids made
   * @param refunds the refunds made
   * @param calls every call received about it, replays included
   */
  record Account(
      String paymentId,
      String status,
      long amountMinor,
      String currency,
      int authorizations,
      int captures,
      int voids,
      int refunds,
      int calls) {

    Account called() {
      return new Account(
          paymentId,
          status,
          amountMinor,
          currency,
          authorizations,
          captures,
          voids,
          refunds,
          calls + 1);
    }

    Account now(String next, int authorized, int captured, int voided, int refunded) {
      return new Account(
          paymentId,
          next,
          amountMinor,
          currency,
          authorizations + authorized,
          captures + captured,
          voids + voided,
          refunds + refunded,
          calls);
    }
  }

  private record Stored(Call call, Answer answer) {}

  synchronized Optional<Account> account(String paymentId) {
    return Optional.ofNullable(payments.get(paymentId));
  }

  synchronized Answer handle(Call call) {
    Account account =
        payments
            .getOrDefault(
                call.paymentId(),
                new Account(
                    call.paymentId(), "NEW", call.amountMinor(), call.currency(), 0, 0, 0, 0, 0))
            .called();
    payments.put(call.paymentId(), account);
    Stored stored = answers.get(call.key());
    if (stored != null) {
      return stored.call().equals(call)
          ? stored.answer()
          : new Answer(422, null, "idempotency key " + call.key() + " was used for another call");
    }
    Answer answer = act(call, account);
    if (answer.status() == 200 || answer.status() == 402) {
      answers.put(call.key(), new Stored(call, answer));
    }
    return answer;
  }

  private Answer act(Call call, Account account) {
    return switch (call.operation()) {
      case "authorize" -> authorize(call, account);
      case "capture" ->
          account.status().equals("AUTHORIZED")
              ? approve(call, account.now("CAPTURED", 0, 1, 0, 0))
              : refuse("not_authorized");
      case "void" ->
          switch (account.status()) {
            case "AUTHORIZED" -> approve(call, account.now("VOIDED", 0, 0, 1, 0));
            // Nothing was authorised (declined, or never answered): there is nothing to void.
            case "NEW", "DECLINED", "VOIDED" -> approve(call, account.now("VOIDED", 0, 0, 0, 0));
            default -> refuse("captured");
          };
      case "refund" ->
          account.status().equals("CAPTURED")
              ? approve(call, account.now("REFUNDED", 0, 0, 0, 1))
              : refuse("not_captured");
      default -> new Answer(404, null, "no operation " + call.operation());
    };
  }

  private Answer authorize(Call call, Account account) {
    String token = call.paymentToken() == null ? "" : call.paymentToken();
    if (token.startsWith("tok_timeout")) {
      return Answer.SILENCE;
    }
    if (token.startsWith("tok_flaky")
        && failuresByKey.merge(call.key(), 1, Integer::sum) <= FLAKY_FAILURES) {
      return new Answer(503, null, "simulated outage");
    }
    if (!account.status().equals("NEW")) {
      return refuse("already_" + account.status().toLowerCase(Locale.ROOT));
    }
    if (token.startsWith("tok_decline")) {
      payments.put(call.paymentId(), account.now("DECLINED", 0, 0, 0, 0));
      return refuse("declined");
    }
    if (call.amountMinor() > limitMinor) {
      payments.put(call.paymentId(), account.now("DECLINED", 0, 0, 0, 0));
      return refuse("limit_exceeded");
    }
    return approve(call, account.now("AUTHORIZED", 1, 0, 0, 0));
  }

  private Answer approve(Call call, Account after) {
    payments.put(call.paymentId(), after);
    return new Answer(200, "approved", reference(call.key()));
  }

  private static Answer refuse(String reason) {
    return new Answer(402, "refused", reason);
  }

  private static String reference(String key) {
    return "sim_" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }
}
