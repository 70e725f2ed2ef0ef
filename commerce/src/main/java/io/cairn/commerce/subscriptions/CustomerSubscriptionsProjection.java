package io.cairn.commerce.subscriptions;

import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionState;
import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.view.ListProjection;
import io.cairn.core.view.Source;
import io.cairn.core.view.SourcedEvent;
import io.cairn.core.view.ViewKey;
import java.util.List;
import java.util.Optional;

/**
 * A customer's subscriptions, newest first: the subscription events filed under the subscription's
 * customer, one row per subscription, served at {@code /api/v1/customers/{id}/subscriptions}.
 */
public final class CustomerSubscriptionsProjection
    implements ListProjection<CustomerSubscriptionRow> {
  /** Files a subscription's events under its customer, whom its state names on every event. */
  public static final ViewKey<SubscriptionState> BY_CUSTOMER =
      new ViewKey<>("customer", subscription -> subscription.state().customerId());

  /** A customer reads its own subscriptions. */
  @Override
  public Optional<String> customerOf(String key, CustomerSubscriptionRow view) {
    return Optional.of(key);
  }

  @Override
  public String name() {
    return "customer-subscriptions";
  }

  @Override
  public String parent() {
    return "customers";
  }

  @Override
  public String segment() {
    return "subscriptions";
  }

  @Override
  public Class<CustomerSubscriptionRow> viewType() {
    return CustomerSubscriptionRow.class;
  }

  @Override
  public List<Source<CustomerSubscriptionRow, ?, ?>> sources() {
    return List.of(
        Source.keyedBy(Subscriptions.TYPE, BY_CUSTOMER, CustomerSubscriptionsProjection::evolve));
  }

  @Override
  public String rowOf(Aggregate<?> subscription) {
    return ListProjection.newestFirst(subscription.createdAt(), subscription.id());
  }

  /** Every event leaves the row as the subscription's state says. */
  private static CustomerSubscriptionRow evolve(
      CustomerSubscriptionRow row, SourcedEvent<Subscriptions.Event, SubscriptionState> event) {
    SubscriptionState subscription = event.state();
    return new CustomerSubscriptionRow(
        event.aggregateId(),
        subscription.status(),
        subscription.every(),
        subscription.lines().size(),
        subscription.periods(),
        event.createdAt(),
        event.occurredAt());
  }
}
