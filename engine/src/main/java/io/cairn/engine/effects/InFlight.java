package io.cairn.engine.effects;

/**
 * A call under way, which a later call of the same aggregate may supersede: superseding it stops
 * its retries, and interrupts the attempt in progress.
 */
final class InFlight {
  private volatile boolean superseded;
  private volatile Thread worker;

  /** The call is made on this thread from now on. */
  void runsOn(Thread thread) {
    worker = thread;
    if (superseded) {
      thread.interrupt();
    }
  }

  boolean superseded() {
    return superseded;
  }

  void supersede() {
    superseded = true;
    Thread thread = worker;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
