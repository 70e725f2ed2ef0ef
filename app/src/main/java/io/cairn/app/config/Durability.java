package io.cairn.app.config;

/**
 * How strictly Cairn holds its topics to the durability the event log needs.
 *
 * @param requireDurable refuse to start on a cluster whose topics keep fewer than three copies
 * @param allowFiniteRetention let an event topic or the dead-letter queue expire records, for an
 *     archiving setup that keeps the log elsewhere; otherwise such a topic stops start-up
 */
public record Durability(boolean requireDurable, boolean allowFiniteRetention) {
  /** The copies of each partition under which a lost broker can lose acknowledged events. */
  public static final int DURABLE_REPLICATION = 3;

  static Durability read(Settings settings) {
    boolean require =
        settings.bool(
            "topics.require.durable",
            false,
            "Refuse to start unless topics.replication.factor is at least 3 on an external"
                + " cluster; with fewer copies, one lost disk can lose acknowledged events.");
    boolean finite =
        settings.bool(
            "topics.allow.finite.retention",
            false,
            "Let an event topic or the dead-letter queue have a finite retention, for a setup"
                + " that archives the log elsewhere (tiered storage, a sink); otherwise such a"
                + " topic stops start-up, since the event log is the source of truth.");
    return new Durability(require, finite);
  }
}
