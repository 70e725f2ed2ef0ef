package io.cairn.commerce.payments;

import io.cairn.core.view.Projection;
import io.cairn.core.view.Source;
import io.cairn.core.view.SourcedEvent;
import java.util.ArrayList;
import java.util.List;

/** The payment view: a payment's state and its history of requests and answers. */
public final class PaymentProjection implements Projection<PaymentView> {

  @Override
  public String name() {
    return "payments";
  }

  @Override
  public Class<PaymentView> viewType() {
    return PaymentView.class;
  }

  @Override
  public List<Source<PaymentView, ?, ?>> sources() {
    return List.of(Source.of(Payments.TYPE, PaymentProjection::evolve));
  }

  private static PaymentView evolve(
      PaymentView view, SourcedEvent<Payments.Event, Payments.PaymentState> event) {
    Payments.PaymentState payment = event.state();
    List<PaymentView.Step> history = new ArrayList<>(view == null ? List.of() : view.history());
    history.add(
        new PaymentView.Step(
            event.event().getClass().getSimpleName(), payment.status(), event.occurredAt()));
    return new PaymentView(
        event.aggregateId(),
        payment.status(),
        payment.amountMinor(),
        payment.currency(),
        payment.providerReference(),
        payment.reason(),
        List.copyOf(history));
  }
}
