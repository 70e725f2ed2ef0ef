package io.cairn.queries.views;

import io.cairn.core.view.Projection;
import io.cairn.core.view.ViewLookup;
import io.cairn.engine.views.stores.ViewEntry;
import io.cairn.engine.views.stores.ViewStores;
import io.cairn.queries.stores.StoreReader;
import java.util.Optional;

/** Views' entries for one id as they are now, and the lookup views are shown with. */
final class EntityReads implements ViewLookup {
  private final StoreReader reader;

  EntityReads(StoreReader reader) {
    this.reader = reader;
  }

  /** A view's entry for an id as clients see it, if the entity exists. */
  <V> Optional<Object> shown(Projection<V> projection, String id) {
    return find(projection, id).map(view -> projection.render(view, this));
  }

  /** Whether a view's entry for an id is the customer's own, as the view declares. */
  <V> boolean customerOwns(Projection<V> projection, String id, String customer) {
    V stored = find(projection, id).orElse(null);
    return projection.customerOf(id, stored).filter(customer::equals).isPresent();
  }

  /** A view's stored entry for an id, if the entity exists. */
  @Override
  public <V> Optional<V> find(Projection<V> projection, String id) {
    ViewEntry<V> entry = reader.read(ViewStores.view(projection), id, store -> store.get(id));
    return Optional.ofNullable(entry).map(ViewEntry::view).filter(projection::exists);
  }
}
