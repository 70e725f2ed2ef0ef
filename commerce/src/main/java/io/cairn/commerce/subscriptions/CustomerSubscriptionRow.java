package io.cairn.commerce.subscriptions;

import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionStatus;
import java.time.Instant;

/**
 * One of a customer's subscriptions, as their subscription list shows it.
 *
 * @param subscriptionId the subscription
 * @param status active, paused or cancelled
 * @param every its period, an ISO-8601 duration
 * @param lineCount how many lines each order holds
 * @param periods how many periods have come up, ordered or skipped
 * @param subscribedAt when the customer subscribed
 * @param updatedAt when it last changed
 */
public record CustomerSubscriptionRow(
    String subscriptionId,
    SubscriptionStatus status,
    String every,
    int lineCount,
    int periods,
    Instant subscribedAt,
    Instant updatedAt) {}
