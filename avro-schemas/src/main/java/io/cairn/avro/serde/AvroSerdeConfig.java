package io.cairn.avro.serde;

import io.cairn.avro.registry.SerdeSettings;
import java.util.Map;

/**
 * The serde's own settings, under the keys Confluent's serdes use, so that swapping one for the
 * other is a matter of class names.
 *
 * @param autoRegister register the writer schema under its subject when it is not there yet ({@code
 *     auto.register.schemas}, default true)
 * @param useLatestVersion write with the id of the subject's latest version, which must be the
 *     record's own schema ({@code use.latest.version}, default false)
 * @param specificReader read into the generated SpecificRecord classes rather than GenericRecord
 *     ({@code specific.avro.reader}, default false)
 */
public record AvroSerdeConfig(
    boolean autoRegister, boolean useLatestVersion, boolean specificReader) {

  /** Register schemas that are missing. */
  public static final String AUTO_REGISTER = "auto.register.schemas";

  /** Write with the latest registered version's id. */
  public static final String USE_LATEST_VERSION = "use.latest.version";

  /** Read SpecificRecord classes. */
  public static final String SPECIFIC_READER = "specific.avro.reader";

  /** Reads the settings from a serde configuration. */
  public static AvroSerdeConfig from(Map<String, ?> configs) {
    SerdeSettings settings = new SerdeSettings(configs);
    return new AvroSerdeConfig(
        settings.bool(AUTO_REGISTER, true),
        settings.bool(USE_LATEST_VERSION, false),
        settings.bool(SPECIFIC_READER, false));
  }
}
