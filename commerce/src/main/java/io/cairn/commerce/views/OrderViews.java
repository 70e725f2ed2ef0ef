package io.cairn.commerce.views;

import io.cairn.commerce.orders.Orders;
import io.cairn.topology.views.Lookup;
import io.cairn.topology.views.Projection;
import io.cairn.topology.views.SourcedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The order view: an order's state and the timeline of its status changes. */
public final class OrderViews implements Projection<OrderView> {
  private final ProductViews products;

  /** An order view that looks its products' names up in the product view. */
  public OrderViews(ProductViews products) {
    this.products = products;
  }

  @Override
  public String name() {
    return "orders";
  }

  @Override
  public Set<String> sources() {
    return Set.of("orders");
  }

  @Override
  public Class<OrderView> viewType() {
    return OrderView.class;
  }

  @Override
  public OrderView evolve(OrderView view, SourcedEvent event) {
    Orders.OrderState order = event.state(Orders.OrderState.class);
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
        List.copyOf(timeline));
  }

  @Override
  public OrderView.Shown render(OrderView order, Lookup lookup) {
    List<OrderView.Line> lines =
        order.lines().stream()
            .map(
                item ->
                    new OrderView.Line(
                        item.productId(),
                        lookup.find(products, item.productId()).map(ProductView::name).orElse(null),
                        item.quantity(),
                        item.unitPriceMinor(),
                        item.quantity() * item.unitPriceMinor()))
            .toList();
    return new OrderView.Shown(
        order.id(),
        order.status(),
        order.customerId(),
        order.currency(),
        lines,
        order.totalMinor(),
        order.cancelReason(),
        order.timeline());
  }
}
