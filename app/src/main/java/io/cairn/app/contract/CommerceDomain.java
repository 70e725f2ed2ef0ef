package io.cairn.app.contract;

import io.cairn.avro.carts.CartCommand;
import io.cairn.avro.carts.CartEvent;
import io.cairn.avro.customers.CustomerCommand;
import io.cairn.avro.customers.CustomerEvent;
import io.cairn.avro.inventory.InventoryCommand;
import io.cairn.avro.inventory.InventoryEvent;
import io.cairn.avro.orders.OrderCommand;
import io.cairn.avro.orders.OrderEvent;
import io.cairn.avro.products.ProductCommand;
import io.cairn.avro.products.ProductEvent;
import java.util.List;

/** The aggregate types of the commerce domain that the app runs, with their contracts. */
public final class CommerceDomain {
  private CommerceDomain() {}

  /** Every aggregate type, in the order their topics are declared. */
  public static List<AggregateContract> aggregates() {
    return List.of(
        new AggregateContract(
            "products", ProductCommand.getClassSchema(), ProductEvent.getClassSchema()),
        new AggregateContract(
            "inventory", InventoryCommand.getClassSchema(), InventoryEvent.getClassSchema()),
        new AggregateContract("carts", CartCommand.getClassSchema(), CartEvent.getClassSchema()),
        new AggregateContract(
            "customers", CustomerCommand.getClassSchema(), CustomerEvent.getClassSchema()),
        new AggregateContract(
            "orders", OrderCommand.getClassSchema(), OrderEvent.getClassSchema()));
  }
}
