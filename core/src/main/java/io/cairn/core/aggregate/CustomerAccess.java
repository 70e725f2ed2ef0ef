package io.cairn.core.aggregate;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a customer, acting for itself with a token of scope {@code cairn:customer}, may do with an
 * aggregate type: read the aggregates it owns, and send the commands a customer sends about its own
 * affairs. The engine applies it where the state is known, when the command is decided, so that a
 * customer can neither read nor change another customer's aggregate.
 *
 * @param mayBeSent whether a customer may send a command at all (a profile change, say, but not an
 *     award of points, which only the loyalty policy sends)
 * @param namedBy the customer a command names, if it names one (a checkout's customer)
 * @param ownerOf the customer who owns an aggregate, given its id and state, if anyone does yet
 * @param <C> the commands
 * @param <S> the state
 */
public record CustomerAccess<C, S>(
    Predicate<C> mayBeSent,
    Function<C, Optional<String>> namedBy,
    BiFunction<String, S, Optional<String>> ownerOf) {

  /** Checks that each part is there. */
  public CustomerAccess {
    Objects.requireNonNull(mayBeSent, "mayBeSent");
    Objects.requireNonNull(namedBy, "namedBy");
    Objects.requireNonNull(ownerOf, "ownerOf");
  }

  /**
   * Aggregates each owned by the customer their id names, such as a customer's own profile.
   *
   * @param mayBeSent which commands the customer may send to its own aggregate
   */
  public static <C, S> CustomerAccess<C, S> ownedById(Predicate<C> mayBeSent) {
    return new CustomerAccess<>(mayBeSent, command -> Optional.empty(), (id, s) -> Optional.of(id));
  }

  /** Whether a customer may read the aggregate: it owns it. */
  public boolean mayRead(String customer, String aggregateId, S state) {
    return ownerOf.apply(aggregateId, state).filter(customer::equals).isPresent();
  }

  /**
   * Whether a customer may send the command to the aggregate: customers may send it, and both the
   * aggregate's owner, if it has one yet, and the customer the command names, if it names one, are
   * that customer. A command to an aggregate nobody owns that names nobody is refused.
   */
  public boolean maySend(String customer, String aggregateId, C command, S state) {
    if (!mayBeSent.test(command)) {
      return false;
    }
    Optional<String> owner = ownerOf.apply(aggregateId, state);
    Optional<String> named = namedBy.apply(command);
    if (owner.isEmpty() && named.isEmpty()) {
      return false;
    }
    return owner.map(customer::equals).orElse(true) && named.map(customer::equals).orElse(true);
  }
}
