package io.cairn.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An export imported with its ids: each schema keeps its id and version, registration goes on from
 * the highest id, the same import twice changes nothing, and an id or version that holds another
 * schema is refused.
 */
class SchemaImportTest {
  private static final String ONE =
      "{\"type\":\"record\",\"name\":\"One\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
  private static final String TWO =
      "{\"type\":\"record\",\"name\":\"Two\",\"fields\":[{\"name\":\"b\",\"type\":\"int\"}]}";
  private static final String THREE =
      "{\"type\":\"record\",\"name\":\"Three\",\"fields\":[{\"name\":\"c\",\"type\":\"long\"}]}";

  private final SchemaState state = new SchemaState(CompatibilityLevel.BACKWARD);

  @Test
  void importedSchemasKeepTheirIdsAndLaterOnesFollowTheHighest() {
    assertThat(state.apply(imported("one-value", ONE, 7, 2)))
        .isEqualTo(new Outcome.Registered(7, 2));
    assertThat(state.apply(imported("one-value", ONE, 7, 2)))
        .as("the same import again")
        .isEqualTo(new Outcome.Registered(7, 2));
    assertThat(state.apply(imported("two-value", TWO, 3, 1)))
        .isEqualTo(new Outcome.Registered(3, 1));

    assertThat(state.apply(new RegistryRecord.Register("e", "three-value", THREE)))
        .isEqualTo(new Outcome.Registered(8, 1));
    assertThat(state.schemaById(7).orElseThrow().getName()).isEqualTo("One");
  }

  @Test
  void anIdOrVersionHoldingAnotherSchemaIsRefused() {
    state.apply(imported("one-value", ONE, 7, 1));

    assertThat(state.apply(imported("two-value", TWO, 7, 1)))
        .isInstanceOfSatisfying(
            Outcome.Refused.class,
            refused -> assertThat(refused.error().errorCode()).isEqualTo(42205));
    assertThat(state.apply(imported("one-value", TWO, 9, 1)))
        .isInstanceOfSatisfying(
            Outcome.Refused.class,
            refused -> assertThat(refused.error().getMessage()).contains("has a version 1"));
    assertThat(state.apply(imported("other-value", ONE, 8, 1)))
        .as("a schema keeps its one id")
        .isInstanceOf(Outcome.Refused.class);
  }

  private static RegistryRecord.Import imported(String subject, String schema, int id, int v) {
    return new RegistryRecord.Import("entry-" + subject + id + v, subject, schema, id, v);
  }
}
