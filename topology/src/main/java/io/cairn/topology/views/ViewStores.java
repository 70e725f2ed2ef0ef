package io.cairn.topology.views;

/** The names of the views' state stores, shared by the views topology and the query server. */
public final class ViewStores {
  private ViewStores() {}

  /** The store of an aggregate type's event history, keyed by {@link OrderedKey}. */
  public static String history(String type) {
    return "history-" + type;
  }

  /** The store of an aggregate type's current states, keyed by aggregate id. */
  public static String aggregate(String type) {
    return "aggregate-" + type;
  }

  /**
   * The store of a view's past versions, for queries as of an instant, keyed by {@link OrderedKey}
   * of the view's id and the instant each is valid from; see {@link ViewVersions}. Kafka Streams'
   * versioned store once held them as {@code versions-<name>}; its layout differs, so this store
   * has a name of its own.
   */
  public static String versions(String name) {
    return "past-" + name;
  }

  /** Whether a view keeps its past versions: every view but the lists of rows. */
  public static boolean keepsVersions(Projection<?> projection) {
    return !(projection instanceof ListProjection<?>);
  }

  /** The store of a view, keyed by its id. */
  public static String view(String name) {
    return "view-" + name;
  }
}
