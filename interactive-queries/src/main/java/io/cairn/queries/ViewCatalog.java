package io.cairn.queries;

import io.cairn.topology.aggregate.AggregateType;
import io.cairn.topology.views.ListProjection;
import io.cairn.topology.views.Projection;
import io.cairn.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The views and aggregate types the query server answers for, by the names in paths. */
final class ViewCatalog {
  private final Map<String, Projection<?>> views;
  private final Map<String, AggregateType<?, ?, ?>> types;

  ViewCatalog(List<Projection<?>> views, List<AggregateType<?, ?, ?>> types) {
    this.views =
        views.stream().collect(Collectors.toUnmodifiableMap(Projection::name, Function.identity()));
    this.types =
        types.stream()
            .collect(Collectors.toUnmodifiableMap(AggregateType::name, Function.identity()));
  }

  /** The view of a name, if there is one. */
  Optional<Projection<?>> find(String name) {
    Projection<?> view = views.get(name);
    return view == null || view instanceof ListProjection ? Optional.empty() : Optional.of(view);
  }

  /** The view of a name. */
  Projection<?> view(String name) {
    return find(name).orElseThrow(() -> unknownView(name));
  }

  /** The list served under a parent's path. */
  ListProjection<?> list(String parent, String segment) {
    return views.values().stream()
        .filter(v -> v instanceof ListProjection<?> l && l.parent().equals(parent))
        .map(v -> (ListProjection<?>) v)
        .filter(l -> l.segment().equals(segment))
        .findFirst()
        .orElseThrow(() -> unknownView(parent + "/{id}/" + segment));
  }

  /** The aggregate type of a name. */
  AggregateType<?, ?, ?> type(String name) {
    AggregateType<?, ?, ?> type = types.get(name);
    if (type == null) {
      throw new ApiException(
          404,
          "unknown_aggregate_type",
          "There is no aggregate type named " + name + ".",
          Map.of("known", types.keySet().stream().sorted().toList()));
    }
    return type;
  }

  /** Whether an aggregate type has this name. */
  boolean isType(String name) {
    return types.containsKey(name);
  }

  private ApiException unknownView(String name) {
    return new ApiException(
        404,
        "unknown_view",
        "There is no view named " + name + ".",
        Map.of("known", views.keySet().stream().sorted().toList()));
  }
}
