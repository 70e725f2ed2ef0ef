package io.cairn.commerce;

import io.cairn.avro.carts.CartCommand;
import io.cairn.avro.carts.CartEvent;
import io.cairn.avro.carts.CartSnapshot;
import io.cairn.avro.customers.CustomerCommand;
import io.cairn.avro.customers.CustomerEvent;
import io.cairn.avro.customers.CustomerSnapshot;
import io.cairn.avro.inventory.InventoryCommand;
import io.cairn.avro.inventory.InventoryEvent;
import io.cairn.avro.inventory.InventorySnapshot;
import io.cairn.avro.orders.OrderCommand;
import io.cairn.avro.orders.OrderEvent;
import io.cairn.avro.orders.OrderSnapshot;
import io.cairn.avro.products.ProductCommand;
import io.cairn.avro.products.ProductEvent;
import io.cairn.avro.products.ProductSnapshot;
import io.cairn.commerce.carts.Carts;
import io.cairn.commerce.customers.Customers;
import io.cairn.commerce.inventory.Inventory;
import io.cairn.commerce.orders.Orders;
import io.cairn.commerce.products.Products;
import io.cairn.topology.aggregate.AggregateType;
import java.util.List;

/** The commerce domain's aggregate types, each declared once with its decider and contract. */
public final class CommerceAggregates {
  private CommerceAggregates() {}

  /** Every aggregate type of the domain, in the order their topics are declared. */
  public static List<AggregateType<?, ?, ?>> all() {
    return List.of(
        new AggregateType<>(
            "products",
            new Products(),
            Products.Command.class,
            Products.Event.class,
            Products.ProductState.class,
            ProductCommand.getClassSchema(),
            ProductEvent.getClassSchema(),
            ProductSnapshot.getClassSchema()),
        new AggregateType<>(
            "inventory",
            new Inventory(),
            Inventory.Command.class,
            Inventory.Event.class,
            Inventory.InventoryState.class,
            InventoryCommand.getClassSchema(),
            InventoryEvent.getClassSchema(),
            InventorySnapshot.getClassSchema()),
        new AggregateType<>(
            "carts",
            new Carts(),
            Carts.Command.class,
            Carts.Event.class,
            Carts.CartState.class,
            CartCommand.getClassSchema(),
            CartEvent.getClassSchema(),
            CartSnapshot.getClassSchema()),
        new AggregateType<>(
            "customers",
            new Customers(),
            Customers.Command.class,
            Customers.Event.class,
            Customers.CustomerState.class,
            CustomerCommand.getClassSchema(),
            CustomerEvent.getClassSchema(),
            CustomerSnapshot.getClassSchema()),
        new AggregateType<>(
            "orders",
            new Orders(),
            Orders.Command.class,
            Orders.Event.class,
            Orders.OrderState.class,
            OrderCommand.getClassSchema(),
            OrderEvent.getClassSchema(),
            OrderSnapshot.getClassSchema()));
  }
}
