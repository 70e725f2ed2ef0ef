package io.cairn.commerce.customers;

import io.cairn.commerce.orders.Orders;
import java.time.Instant;

/**
 * One of a customer's orders, as their order list shows it.
 *
 * @param orderId the order
 * @param status where it is in its life
 * @param placedAt when it was placed
 * @param currency the currency of its total
 * @param totalMinor its total
 * @param lineCount how many lines it has
 * @param updatedAt when its latest event happened
 */
public record CustomerOrderRow(
    String orderId,
    Orders.OrderStatus status,
    Instant placedAt,
    String currency,
    long totalMinor,
    int lineCount,
    Instant updatedAt) {}
