package io.cairn.core.reaction;

/** Where a process is in its life: running until it ends in one of the three other states. */
public enum ProcessStatus {
  /** Waiting for what it asked for, or for a deadline. */
  RUNNING,
  /** Ended having done what it was for. */
  COMPLETED,
  /** Ended having undone, by compensating commands, what it had done. */
  COMPENSATED,
  /** Ended unable either to finish or to undo; someone needs to look at it. */
  FAILED;

  /** Whether the process has ended and answers nothing more. */
  public boolean ended() {
    return this != RUNNING;
  }
}
