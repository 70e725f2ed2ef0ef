package io.cairn.topology.aggregate;

/**
 * The state stores of one aggregate type.
 *
 * @param aggregates each aggregate's snapshot, by aggregate id
 * @param idempotency the first answer to each command sent with an Idempotency-Key
 */
public record StoreNames(String aggregates, String idempotency) {

  /** The stores of an aggregate type. */
  public static StoreNames of(AggregateType<?, ?, ?> type) {
    return new StoreNames(type.name() + "-aggregates", type.name() + "-idempotency");
  }
}
