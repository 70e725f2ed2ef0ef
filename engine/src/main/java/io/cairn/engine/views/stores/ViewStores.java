package io.cairn.engine.views.stores;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.view.ListProjection;
import io.cairn.core.view.Projection;
import io.cairn.core.view.ViewKey;
import io.cairn.kafka.stores.Store;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/**
 * The views' state stores, declared once for the views topology that writes them and the query
 * server that reads them. Their names are in their changelog topics' names ({@code
 * cairn-views-<name>-changelog}), so they never change.
 */
public final class ViewStores {
  private ViewStores() {}

  /**
   * An aggregate type's event history: each event by aggregate id and version ({@link OrderedKey}),
   * as a {@link HistoryEntry}.
   */
  public static Store<Bytes, byte[]> history(AggregateType<?, ?, ?> type) {
    return new Store<>("history-" + type.name(), Serdes.Bytes(), Serdes.ByteArray());
  }

  /** An aggregate type's current states, by aggregate id, as the views fold them. */
  public static <S> Store<String, AggregateEntry<S>> aggregates(AggregateType<?, ?, S> type) {
    return json("aggregate-" + type.name(), AggregateEntry.class, type.state());
  }

  /** A view's entries, by key (or key and row, for a list), with the versions each has seen. */
  public static <V> Store<String, ViewEntry<V>> view(Projection<V> projection) {
    return json("view-" + projection.name(), ViewEntry.class, projection.viewType());
  }

  /**
   * A view's past versions, for queries as of an instant, by {@link OrderedKey} of the view's key
   * and the instant each is valid from; see {@link PastVersions}. It is named apart from Kafka
   * Streams' versioned store ({@code versions-<name>}), whose layout differs, so that a deployment
   * that kept versions there never restores them into this one.
   */
  public static Store<Bytes, byte[]> versions(Projection<?> projection) {
    return new Store<>("past-" + projection.name(), Serdes.Bytes(), Serdes.ByteArray());
  }

  /**
   * The name of the repartition of an aggregate type's events by a view key, shared by every view
   * that files them under it. Kafka Streams names the topic {@code
   * <application.id>-<name>-repartition}.
   */
  public static String repartition(AggregateType<?, ?, ?> type, ViewKey<?> key) {
    return "views-" + type.name() + "-by-" + key.name();
  }

  /** A store by string key of a generic record as JSON, such as {@code ViewEntry<CartView>}. */
  private static <T> Store<String, T> json(String name, Class<?> record, Class<?> parameter) {
    return new Store<>(
        name,
        Serdes.String(),
        JsonSerde.of(
            ViewJson.MAPPER.getTypeFactory().constructParametricType(record, parameter),
            name + " entry"));
  }

  /** Whether a view keeps its past versions: every view but the lists of rows. */
  public static boolean keepsVersions(Projection<?> projection) {
    return !(projection instanceof ListProjection<?>);
  }
}
