package io.cairn.web.openapi;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON Schemas (draft 2020-12) of the records Cairn's routes answer with, as {@link
 * io.cairn.web.Json}'s mapper writes them: every component present (null where a reference is
 * empty), none other, instants as date-times, a sealed interface as any of its records. Each record
 * becomes one named definition, collected for an OpenAPI document's components.
 *
 * <p>Ask for every reference first, then collect the definitions once.
 */
public final class RecordSchemas {
  /** Where the collected definitions are placed, and references point. */
  public static final String DEFINITIONS = "components/schemas";

  private final SchemaBuilder builder;
  private final SchemaGenerator inline;

  /** A builder with no definitions yet. */
  public RecordSchemas() {
    this.builder = new SchemaGenerator(config().build()).buildMultipleSchemaDefinitions();
    this.inline = new SchemaGenerator(config().with(Option.INLINE_ALL_SCHEMAS).build());
  }

  private static SchemaGeneratorConfigBuilder config() {
    SchemaGeneratorConfigBuilder config =
        new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .with(new JacksonModule())
            .with(
                Option.NULLABLE_FIELDS_BY_DEFAULT,
                Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT,
                Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES,
                Option.STANDARD_FORMATS)
            .without(Option.SCHEMA_VERSION_INDICATOR);
    // The mapper writes every component, null or not.
    config.forFields().withRequiredCheck(field -> true);
    // A primitive is never null, whatever the default says.
    config.forFields().withNullableCheck(field -> !field.getType().isPrimitive());
    config.forTypesInGeneral().withSubtypeResolver((type, context) -> permitted(type, context));
    config
        .forTypesInGeneral()
        .withDefinitionNamingStrategy(
            (key, context) -> definitionName(key.getType().getErasedType()));
    return config;
  }

  /** A reference to the schema of a type, valid once {@link #definitions()} has run. */
  public ObjectNode reference(Class<?> type) {
    return builder.createSchemaReference(type);
  }

  /**
   * The schema of a type written out whole, with no references, for a caller that adds to it (a
   * report's window is its measures and its start, end and key).
   */
  public ObjectNode inline(Class<?> type) {
    return inline.generateSchema(type);
  }

  /** Every definition the references need, by name; call once, after the last reference. */
  public ObjectNode definitions() {
    return builder.collectDefinitions(DEFINITIONS);
  }

  private static List<ResolvedType> permitted(ResolvedType type, SchemaGenerationContext context) {
    Class<?> erased = type.getErasedType();
    if (!erased.isSealed()) {
      return null; // no subtypes: the type is described as it is
    }
    return Arrays.stream(erased.getPermittedSubclasses())
        .map(subtype -> context.getTypeContext().resolveSubtype(type, subtype))
        .toList();
  }

  /** {@code ProductView.Shown} is {@code ProductViewShown}: nested names alone would collide. */
  static String definitionName(Class<?> type) {
    String name = type.getName();
    return name.substring(name.lastIndexOf('.') + 1).replace("$", "");
  }
}
