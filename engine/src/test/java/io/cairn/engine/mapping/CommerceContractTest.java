package io.cairn.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.avro.carts.CartSnapshot;
import io.cairn.avro.contract.Contract;
import io.cairn.avro.contract.Envelopes;
import io.cairn.avro.subscriptions.SubscriptionSnapshot;
import io.cairn.commerce.Commerce;
import io.cairn.commerce.carts.Carts;
import io.cairn.commerce.orders.Orders;
import io.cairn.commerce.subscriptions.Subscriptions;
import io.cairn.core.aggregate.AggregateType;
import java.time.Instant;
import java.util.List;
import org.apache.avro.generic.IndexedRecord;
import org.junit.jupiter.api.Test;

/**
 * The commerce domain's records fit the contract's schemas, and map to them and back without loss;
 * a domain that does not fit is refused with every place it does not.
 */
class CommerceContractTest {
  private final RecordMapper mapper = new RecordMapper();

  @Test
  void shouldBindEveryAggregateTypeToItsEnvelopes() {
    assertThat(BoundAggregate.all(Commerce.aggregateTypes(), Contract.load()))
        .extracting(BoundAggregate::name)
        .containsExactlyElementsOf(
            Commerce.aggregateTypes().stream().map(AggregateType::name).toList())
        .contains(
            "products", "inventory", "carts", "customers", "orders", "payments", "subscriptions");
  }

  @Test
  void shouldMapEventsToTheContractAndBack() {
    var event =
        new Orders.OrderPlaced("c1", "EUR", List.of(new Orders.OrderLine("p1", 2, 450)), 900);
    var payload = io.cairn.avro.orders.OrderEvent.getClassSchema().getField("payload").schema();

    Object avro = mapper.toAvro(event, payload);

    assertThat(avro).isInstanceOf(io.cairn.avro.orders.OrderPlaced.class);
    assertThat(mapper.fromAvro((IndexedRecord) avro, Orders.Event.class)).isEqualTo(event);
  }

  @Test
  void shouldMapStateWithEnumsNullsAndListsAndBack() {
    var state =
        new Carts.CartState(Carts.CartStatus.OPEN, null, List.of(new Carts.CartLine("p1", 2)));
    var schema = CartSnapshot.getClassSchema().getField("state").schema();

    Object avro = mapper.toAvro(state, schema);

    assertThat(mapper.fromAvro((IndexedRecord) avro, Carts.CartState.class)).isEqualTo(state);
  }

  @Test
  void shouldMapAnOptionalInstantAndBack() {
    var state =
        new Subscriptions.SubscriptionState(
            "ann",
            List.of(new Subscriptions.SubscriptionLine("soup", 1)),
            "P7D",
            null,
            Subscriptions.SubscriptionStatus.ACTIVE,
            1,
            Instant.parse("2026-12-02T09:00:00Z"));
    var schema = SubscriptionSnapshot.getClassSchema().getField("state").schema();

    Object avro = mapper.toAvro(state, schema);

    assertThat(mapper.fromAvro((IndexedRecord) avro, Subscriptions.SubscriptionState.class))
        .isEqualTo(state);
  }

  @Test
  void shouldListEveryMismatchBetweenDomainAndContract() {
    record ItemAdded(String productId, long quantity) {}

    assertThat(TypeCheck.problems(ItemAdded.class, io.cairn.avro.carts.ItemAdded.getClassSchema()))
        .singleElement()
        .asString()
        .contains("ItemAdded.quantity: the schema wants an int, the domain has long");
    Envelopes carts = Contract.load().envelopes("carts");
    Envelopes swapped = new Envelopes(carts.event(), carts.event(), carts.snapshot());
    assertThatThrownBy(() -> new BoundAggregate<>(Carts.TYPE, swapped))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining(
            "permits [AddItem, CheckOut, RemoveItem], but the schema's union has [CartCheckedOut, ItemAdded, ItemRemoved]");
  }

  @Test
  void shouldNameATypeTheContractLacks() {
    AggregateType<?, ?, ?> unknown =
        new AggregateType<>(
            "not-in-the-contract",
            Carts.TYPE.decider(),
            Carts.Command.class,
            Carts.Event.class,
            Carts.CartState.class);

    assertThatThrownBy(() -> BoundAggregate.all(List.of(unknown), Contract.load()))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("the contract declares no aggregate type not-in-the-contract");
  }
}
