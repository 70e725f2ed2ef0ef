package io.cairn.queries;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.view.ListProjection;
import io.cairn.core.view.Projection;
import io.cairn.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The views and aggregate types the query server answers for, by the names in paths, and the 404s
 * of the names it does not know.
 *
 * @param projections every view: single-entity views and lists of rows
 * @param types every aggregate type
 */
record ViewCatalog(List<Projection<?>> projections, List<AggregateType<?, ?, ?>> types) {

  /** The views of one entity per id, served at {@code /api/v1/<name>/{id}}. */
  List<Projection<?>> views() {
    return projections.stream().filter(view -> !(view instanceof ListProjection<?>)).toList();
  }

  /** The lists of rows, served under their parent's path. */
  List<ListProjection<?>> lists() {
    return projections.stream()
        .<ListProjection<?>>mapMulti(
            (view, lists) -> {
              if (view instanceof ListProjection<?> list) {
                lists.accept(list);
              }
            })
        .toList();
  }

  /** The single-entity view of a name, if there is one. */
  Optional<Projection<?>> view(String name) {
    return views().stream().filter(view -> view.name().equals(name)).findFirst();
  }

  /** The 404 of a path that names no view. */
  ApiException unknownView(String name) {
    return new ApiException(
        404,
        "unknown_view",
        "There is no view named " + name + ".",
        Map.of("known", projections.stream().map(Projection::name).sorted().toList()));
  }

  /** The 404 of a path that names no aggregate type. */
  ApiException unknownType(String name) {
    return new ApiException(
        404,
        "unknown_aggregate_type",
        "There is no aggregate type named " + name + ".",
        Map.of("known", types.stream().map(AggregateType::name).sorted().toList()));
  }

  /** The 404 of {@code /api/v1/<name>/{id}/<child>} when no route declares it. */
  ApiException unknownChild(String name, String child) {
    return switch (child) {
      case "events", "state" -> unknownType(name);
      default -> unknownView(name + "/{id}/" + child);
    };
  }
}
