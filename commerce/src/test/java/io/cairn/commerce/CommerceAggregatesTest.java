package io.cairn.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.avro.carts.CartCommand;
import io.cairn.avro.carts.CartEvent;
import io.cairn.avro.carts.CartSnapshot;
import io.cairn.commerce.carts.Carts;
import io.cairn.commerce.orders.Orders;
import io.cairn.topology.aggregate.AggregateType;
import io.cairn.topology.mapping.MappingException;
import io.cairn.topology.mapping.RecordMapper;
import io.cairn.topology.mapping.TypeCheck;
import java.util.List;
import org.apache.avro.generic.IndexedRecord;
import org.junit.jupiter.api.Test;

/** The domain's records fit the contract's schemas, and map to them and back without loss. */
class CommerceAggregatesTest {
  private final RecordMapper mapper = new RecordMapper();

  @Test
  void shouldDeclareEveryAggregateTypeAgainstItsContract() {
    assertThat(CommerceAggregates.all())
        .extracting(AggregateType::name)
        .containsExactly("products", "inventory", "carts", "customers", "orders");
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
        new Carts.CartState(Carts.CartStatus.OPEN, null, List.of(new Carts.CartItem("p1", 2)));
    var schema = CartSnapshot.getClassSchema().getField("state").schema();

    Object avro = mapper.toAvro(state, schema);

    assertThat(mapper.fromAvro((IndexedRecord) avro, Carts.CartState.class)).isEqualTo(state);
  }

  @Test
  void shouldListEveryMismatchBetweenDomainAndContract() {
    record ItemAdded(String productId, long quantity) {}

    assertThat(TypeCheck.problems(ItemAdded.class, io.cairn.avro.carts.ItemAdded.getClassSchema()))
        .singleElement()
        .asString()
        .contains("ItemAdded.quantity: the schema wants an int, the domain has long");
    assertThatThrownBy(
            () ->
                new AggregateType<>(
                    "carts",
                    new Carts(),
                    Carts.Command.class,
                    Carts.Event.class,
                    Carts.CartState.class,
                    CartEvent.getClassSchema(),
                    CartEvent.getClassSchema(),
                    CartSnapshot.getClassSchema()))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining(
            "permits [AddItem, CheckOut, RemoveItem], but the schema's union has [CartCheckedOut, ItemAdded, ItemRemoved]");
    assertThat(CartCommand.getClassSchema()).isNotNull();
  }
}
