package io.cairn.gateway;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether the command processors take commands now, as the gateway asks before it writes one.
 *
 * @param ready whether they are up, so that a command sent now is answered
 * @param held why they were held back until an operator acts, if they were: then no command is
 *     taken, however long a client waits
 */
public record Processing(BooleanSupplier ready, Supplier<Optional<String>> held) {

  /** Processors that are never held back, only sometimes not ready. */
  public static Processing whenReady(BooleanSupplier ready) {
    return new Processing(ready, Optional::empty);
  }
}
