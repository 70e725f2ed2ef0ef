package io.cairn.engine.sync;

import java.util.List;

/** Reads how each of a group of views or process managers keeps up, when asked. */
@FunctionalInterface
public interface SyncProbe {
  /** One reading per view or process manager. */
  List<SyncReading> read();
}
