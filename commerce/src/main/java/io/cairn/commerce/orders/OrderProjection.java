package io.cairn.commerce.orders;

import io.cairn.commerce.payments.Payments;
import io.cairn.commerce.products.ProductProjection;
import io.cairn.commerce.products.ProductView;
import io.cairn.core.view.Projection;
import io.cairn.core.view.Source;
import io.cairn.core.view.SourcedEvent;
import io.cairn.core.view.ViewLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The order view: an order's state and the timeline of its status changes. */
public final class OrderProjection implements Projection<OrderView> {
  private final ProductProjection products;

  /** An order view that looks its products' names up in the product view. */
  public OrderProjection(ProductProjection products) {
    this.products = products;
  }

  /** A customer reads its own orders. */
  @Override
  public Optional<String> customerOf(String key, OrderView view) {
    return Optional.ofNullable(view).map(OrderView::customerId);
  }

  @Override
  public String name() {
    return "orders";
  }

  @Override
  public Class<OrderView> viewType() {
    return OrderView.class;
  }

  @Override
  public List<Source<OrderView, ?, ?>> sources() {
    return List.of(
        Source.of(Orders.TYPE, OrderProjection::evolve),
        Source.of(Payments.TYPE, OrderProjection::paid));
  }

  /** An order shows only once placed, though its payment may be heard of first. */
  @Override
  public boolean exists(OrderView view) {
    return view.status() != null;
  }

  /** The order's payment, keyed by the order's id, as its state says. */
  private static OrderView paid(
      OrderView view, SourcedEvent<Payments.Event, Payments.PaymentState> event) {
    Payments.PaymentStatus status = event.state().status();
    if (view == null) {
      return new OrderView(
          event.aggregateId(), null, null, null, List.of(), 0, null, List.of(), status);
    }
    return new OrderView(
        view.id(),
        view.status(),
        view.customerId(),
        view.currency(),
        view.lines(),
        view.totalMinor(),
        view.cancelReason(),
        view.timeline(),
        status);
  }

  /** The order as its state says, with a step on the timeline whenever its status changes. */
  private static OrderView evolve(
      OrderView view, SourcedEvent<Orders.Event, Orders.OrderState> event) {
    Orders.OrderState order = event.state();
    List<OrderView.StatusChange> timeline =
        new ArrayList<>(view == null ? List.of() : view.timeline());
    if (timeline.isEmpty() || timeline.getLast().status() != order.status()) {
      timeline.add(new OrderView.StatusChange(order.status(), event.occurredAt()));
    }
    return new OrderView(
        event.aggregateId(),
        order.status(),
        order.customerId(),
        order.currency(),
        order.lines(),
        order.totalMinor(),
        order.cancelReason(),
        List.copyOf(timeline),
        view == null ? null : view.paymentStatus());
  }

  @Override
  public Class<OrderView.Shown> shownType() {
    return OrderView.Shown.class;
  }

  @Override
  public OrderView.Shown render(OrderView order, ViewLookup views) {
    List<OrderView.Line> lines =
        order.lines().stream()
            .map(
                line ->
                    new OrderView.Line(
                        line.productId(),
                        views.find(products, line.productId()).map(ProductView::name).orElse(null),
                        line.quantity(),
                        line.unitPriceMinor(),
                        line.quantity() * line.unitPriceMinor()))
            .toList();
    return new OrderView.Shown(
        order.id(),
        order.status(),
        order.customerId(),
        order.currency(),
        lines,
        order.totalMinor(),
        order.cancelReason(),
        order.timeline(),
        order.paymentStatus());
  }
}
