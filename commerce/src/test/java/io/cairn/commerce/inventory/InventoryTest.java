package io.cairn.commerce.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.inventory.Inventory.ReceiveStock;
import io.cairn.commerce.inventory.Inventory.ReleaseStock;
import io.cairn.commerce.inventory.Inventory.ReserveStock;
import io.cairn.commerce.inventory.Inventory.ShipStock;
import io.cairn.commerce.inventory.Inventory.StockReceived;
import io.cairn.commerce.inventory.Inventory.StockReleased;
import io.cairn.commerce.inventory.Inventory.StockReserved;
import io.cairn.commerce.inventory.Inventory.StockShipped;
import io.cairn.core.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

class InventoryTest {
  private final DeciderSpec<Inventory.Command, Inventory.Event, Inventory.InventoryState> stock =
      DeciderSpec.of(new Inventory());

  @Test
  void shouldReceiveStock() {
    stock.when(new ReceiveStock(10)).thenEvents(new StockReceived(10));
    stock.when(new ReceiveStock(0)).thenRejected("invalid_quantity");
  }

  @Test
  void shouldReserveAvailableStock() {
    stock
        .given(new StockReceived(10))
        .when(new ReserveStock("o1", 4))
        .thenEvents(new StockReserved("o1", 4));
  }

  @Test
  void shouldRejectReserveStockWhenOnHandMinusReservedIsTooSmall() {
    var reserved = stock.given(new StockReceived(10), new StockReserved("o1", 8));

    assertThat(reserved.state().available()).isEqualTo(2);
    reserved.when(new ReserveStock("o2", 3)).thenRejected("insufficient_stock");
    reserved.when(new ReserveStock("o2", 2)).thenEvents(new StockReserved("o2", 2));
  }

  @Test
  void shouldChangeNothingOnSecondReservationForTheSameOrder() {
    stock
        .given(new StockReceived(10), new StockReserved("o1", 4))
        .when(new ReserveStock("o1", 4))
        .thenUnchanged();
  }

  @Test
  void shouldReleaseReservationAndIgnoreReleaseOfNone() {
    var reserved = stock.given(new StockReceived(10), new StockReserved("o1", 4));

    reserved.when(new ReleaseStock("o1")).thenEvents(new StockReleased("o1", 4));
    reserved.when(new ReleaseStock("o9")).thenUnchanged();
    assertThat(reserved.given(new StockReleased("o1", 4)).state().available()).isEqualTo(10);
  }

  @Test
  void shouldShipReservedUnits() {
    var reserved = stock.given(new StockReceived(10), new StockReserved("o1", 4));

    reserved.when(new ShipStock("o1")).thenEvents(new StockShipped("o1", 4));
    var shipped = reserved.given(new StockShipped("o1", 4));
    assertThat(shipped.state().onHand()).isEqualTo(6);
    assertThat(shipped.state().available()).isEqualTo(6);
  }

  @Test
  void shouldRejectShipStockWithoutReservation() {
    stock.given(new StockReceived(10)).when(new ShipStock("o1")).thenRejected("no_reservation");
  }
}
