package io.cairn.app.cli;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A command's line of progress: on a terminal rewritten in place at every change, elsewhere (a log,
 * a pipe) printed at most once a while, so that a long task neither floods a log nor stays silent.
 */
final class ProgressLine {
  private final PrintStream out;
  private final boolean terminal;
  private final long everyNanos;
  private long lastPrinted;
  private boolean printedAny;
  private boolean open;

  /**
   * @param terminal whether {@code out} is a terminal, where a line can be rewritten
   * @param every how often a line is printed where it cannot be rewritten
   */
  ProgressLine(PrintStream out, boolean terminal, Duration every) {
    this.out = out;
    this.terminal = terminal;
    this.everyNanos = every.toNanos();
  }

  /** Shows the progress now, or, off a terminal, only when the last line is old enough. */
  void show(String line) {
    if (terminal) {
      out.print("\r" + line + "\033[K");
      out.flush();
      open = true;
      return;
    }
    long now = System.nanoTime();
    if (!printedAny || now - lastPrinted >= everyNanos) {
      out.println(line);
      lastPrinted = now;
      printedAny = true;
    }
  }

  /** Ends the line being rewritten, so that what is printed next starts a line of its own. */
  void finish() {
    if (open) {
      out.println();
      open = false;
    }
  }
}
