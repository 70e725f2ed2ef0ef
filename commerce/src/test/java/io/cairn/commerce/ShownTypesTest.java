package io.cairn.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.core.view.Projection;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a view says clients are shown is what its render answers: the API document reads it. */
class ShownTypesTest {

  static Iterable<Projection<?>> projections() {
    return Commerce.projections();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("projections")
  void eachViewShowsTheTypeItRenders(Projection<?> projection) {
    Class<?> rendered =
        Arrays.stream(projection.getClass().getMethods())
            .filter(method -> method.getName().equals("render") && !method.isBridge())
            .map(Method::getReturnType)
            .filter(type -> type != Object.class)
            .findFirst()
            .orElse(projection.viewType());

    assertThat(projection.shownType()).isEqualTo(rendered);
  }
}
