package io.cairn.commerce.carts;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.carts.Carts.AddItem;
import io.cairn.commerce.carts.Carts.CartCheckedOut;
import io.cairn.commerce.carts.Carts.CartLine;
import io.cairn.commerce.carts.Carts.CartStatus;
import io.cairn.commerce.carts.Carts.CheckOut;
import io.cairn.commerce.carts.Carts.ItemAdded;
import io.cairn.commerce.carts.Carts.ItemRemoved;
import io.cairn.commerce.carts.Carts.RemoveItem;
import io.cairn.core.testing.DeciderSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CartsTest {
  private final DeciderSpec<Carts.Command, Carts.Event, Carts.CartState> cart =
      DeciderSpec.of(new Carts());

  @Test
  void shouldAddItemToNewCart() {
    cart.when(new AddItem("p1", 2)).thenEvents(new ItemAdded("p1", 2));
  }

  @Test
  void shouldAddUpUnitsOfTheSameProduct() {
    assertThat(cart.given(new ItemAdded("p1", 2), new ItemAdded("p1", 3)).state().lines())
        .containsExactly(new CartLine("p1", 5));
  }

  @Test
  void shouldRejectAddItemWithoutUnits() {
    cart.when(new AddItem("p1", 0)).thenRejected("invalid_quantity");
  }

  @Test
  void shouldRemoveItemInCart() {
    cart.given(new ItemAdded("p1", 2)).when(new RemoveItem("p1")).thenEvents(new ItemRemoved("p1"));
  }

  @Test
  void shouldRejectRemoveItemWhenItemNotInCart() {
    cart.given(new ItemAdded("p1", 2)).when(new RemoveItem("p2")).thenRejected("item_not_in_cart");
  }

  @Test
  void shouldCheckOutWithTheLinesAndThePaymentToken() {
    cart.given(new ItemAdded("p1", 2), new ItemAdded("p2", 1))
        .when(new CheckOut("c1", "tok_decline_1"))
        .thenEvents(
            new CartCheckedOut(
                "c1", List.of(new CartLine("p1", 2), new CartLine("p2", 1)), "tok_decline_1"));
  }

  @Test
  void shouldPayWithTheDefaultTokenWhenTheCheckOutNamesNone() {
    cart.given(new ItemAdded("p1", 2))
        .when(new CheckOut("c1", null))
        .thenEvents(
            new CartCheckedOut("c1", List.of(new CartLine("p1", 2)), Carts.DEFAULT_PAYMENT_TOKEN));
  }

  @Test
  void shouldRejectCheckOutWhenCartEmpty() {
    cart.when(new CheckOut("c1", null)).thenRejected("cart_empty");
    cart.given(new ItemAdded("p1", 1), new ItemRemoved("p1"))
        .when(new CheckOut("c1", null))
        .thenRejected("cart_empty");
  }

  @Test
  void shouldRejectEveryChangeAfterCheckOut() {
    var checkedOut =
        cart.given(
            new ItemAdded("p1", 1),
            new CartCheckedOut("c1", List.of(new CartLine("p1", 1)), "tok_ok"));

    assertThat(checkedOut.state().status()).isEqualTo(CartStatus.CHECKED_OUT);
    checkedOut.when(new AddItem("p2", 1)).thenRejected("cart_checked_out");
    checkedOut.when(new RemoveItem("p1")).thenRejected("cart_checked_out");
    checkedOut.when(new CheckOut("c1", null)).thenRejected("cart_checked_out");
  }
}
