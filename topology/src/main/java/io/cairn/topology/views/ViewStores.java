package io.cairn.topology.views;

/** The names of the views' state stores, shared by the views topology and the query server. */
public final class ViewStores {
  private ViewStores() {}

  /** The store of an aggregate type's event history, keyed by {@link HistoryKey}. */
  public static String history(String type) {
    return "history-" + type;
  }

  /** The store of an aggregate type's current states, keyed by aggregate id. */
  public static String aggregate(String type) {
    return "aggregate-" + type;
  }

  /** The store of a view, keyed by its id. */
  public static String view(String name) {
    return "view-" + name;
  }
}
